/**
 * The texts people read in the script schemas (descriptions, enum descriptions, titles, snippet
 * labels), and their translation (docs/decisions/localization.md). One source per string: the schema
 * files stay English; a translation table `schemas/l10n/<language>.json` maps each English text to
 * its translation and is applied when a schema is loaded (the extension does it for VS Code's
 * display language).
 */
import type { JsonSchema } from './schemas';

/** Keywords whose value (a string, or an array of strings) is text for people. */
const textKeywords = new Set([
  'title', 'description', 'markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions',
  'patternErrorMessage', 'deprecationMessage', 'markdownDeprecationMessage', 'label',
]);

/** Keywords whose value is data (a script's values), never text to translate. */
const dataKeywords = new Set(['default', 'enum', 'const', 'examples', 'body', 'required']);

/** Keywords whose value maps names to subschemas: the names are not keywords. */
const schemaMaps = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas']);

/** A translation table: English text to translated text. */
export type SchemaTranslations = Readonly<Record<string, string>>;

/**
 * A copy of `node` with every text replaced by `translate(text)`. `translate` is called for each text
 * in document order; with the identity it collects them (see `schemaTexts`).
 */
export function mapSchemaTexts(node: unknown, translate: (text: string) => string): unknown {
  if (Array.isArray(node)) return node.map((item) => mapSchemaTexts(item, translate));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(node)) {
    if (textKeywords.has(keyword) && typeof value === 'string') {
      out[keyword] = translate(value);
    } else if (textKeywords.has(keyword) && Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      out[keyword] = value.map((v: string) => translate(v));
    } else if (dataKeywords.has(keyword)) {
      out[keyword] = value;
    } else if (schemaMaps.has(keyword) && value !== null && typeof value === 'object') {
      out[keyword] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, mapSchemaTexts(sub, translate)]));
    } else {
      out[keyword] = mapSchemaTexts(value, translate);
    }
  }
  return out;
}

/** Every text of a schema, each once, in document order. */
export function schemaTexts(schema: JsonSchema): string[] {
  const texts = new Set<string>();
  mapSchemaTexts(schema, (text) => { texts.add(text); return text; });
  return [...texts];
}

/** The schema with its texts translated; a text the table lacks stays English. */
export function localizeSchema(schema: JsonSchema, translations: SchemaTranslations): JsonSchema {
  return mapSchemaTexts(schema, (text) => (Object.hasOwn(translations, text) ? translations[text] : text)) as JsonSchema;
}
