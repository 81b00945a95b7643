/**
 * The English strings a user reads and their translations, catalog by catalog: the l10n bundle
 * (`vscode.l10n.t` and the core's `@vscode/l10n`), package.nls.json (the manifest) and the script
 * schemas' texts (translated at load time, src/core/scripts/schemaTexts.ts). Shared by `npm run l10n`
 * and the unit test that keeps every translation in step with its English source.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scriptSchemaFiles } from '../src/core/scripts/schemas';
import { schemaTexts } from '../src/core/scripts/schemaTexts';

export const root = join(__dirname, '..');

/** The languages translated by hand. */
export const languages = ['zh-cn'] as const;
export type Language = (typeof languages)[number];

export interface Catalog {
  readonly name: string;
  /** Key to English text, in source order. */
  readonly english: ReadonlyMap<string, string>;
  /** The translation file of a language, relative to the repository root. */
  translationFile(language: Language): string;
}

type Bundle = Record<string, string | { message: string }>;

function readJson<T>(relative: string): T {
  return JSON.parse(readFileSync(join(root, relative), 'utf8')) as T;
}

function fromBundle(bundle: Bundle): Map<string, string> {
  return new Map(Object.entries(bundle).map(([key, value]) => [key, typeof value === 'string' ? value : value.message]));
}

export function catalogs(): Catalog[] {
  const schemaStrings = [...new Set(Object.values(scriptSchemaFiles).flatMap((schema) => schemaTexts(schema)))];
  return [
    { name: 'l10n bundle', english: fromBundle(readJson('l10n/bundle.l10n.json')), translationFile: (l) => `l10n/bundle.l10n.${l}.json` },
    { name: 'package.nls', english: fromBundle(readJson('package.nls.json')), translationFile: (l) => `package.nls.${l}.json` },
    { name: 'schema texts', english: new Map(schemaStrings.map((s) => [s, s])), translationFile: (l) => `schemas/l10n/${l}.json` },
  ];
}

export function readTranslations(catalog: Catalog, language: Language): Record<string, string> {
  try {
    return readJson<Record<string, string>>(catalog.translationFile(language));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw err;
  }
}

/**
 * What a translation must keep exactly as the English has it (each at least once; sorted): `{0}`/`{name}`
 * placeholders, `code spans`, codicons `$(name)` and link targets `](command:…)`.
 */
export function keptTokens(text: string): string[] {
  return [...new Set(text.match(/\{\d+\}|\{[A-Za-z_]\w*\}|`[^`]+`|\$\([a-z0-9-]+\)|\]\([^)\s]+\)/g))].sort();
}

export interface Gaps {
  /** Keys with English text and no translation. */
  readonly missing: string[];
  /** Translated keys whose English is gone. */
  readonly stale: string[];
  /** Translations that do not keep the English's placeholders, code spans, icons or links. */
  readonly mismatched: { key: string; english: string[]; translated: string[] }[];
}

export function gaps(english: ReadonlyMap<string, string>, translations: Record<string, string>): Gaps {
  const mismatched: Gaps['mismatched'] = [];
  for (const [key, text] of english) {
    if (!Object.hasOwn(translations, key)) continue;
    const [want, got] = [keptTokens(text), keptTokens(translations[key])];
    if (want.join('\u0000') !== got.join('\u0000')) mismatched.push({ key, english: want, translated: got });
  }
  return {
    missing: [...english.keys()].filter((key) => !Object.hasOwn(translations, key) || translations[key].trim() === ''),
    stale: Object.keys(translations).filter((key) => !english.has(key)),
    mismatched,
  };
}
