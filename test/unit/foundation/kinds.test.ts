/**
 * The kinds table (src/core/scripts/kinds.ts) is the one source of what differs between script
 * kinds. package.json says part of it again, where VS Code reads it without running our code: this
 * test holds package.json to the table, and shows with a made-up third row that a new kind is one
 * row in the code plus the package.json entries the check then names.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kindLookups, scriptKinds, type ScriptKindRow } from '../../../src/core/scripts/kinds';

interface Manifest {
  contributes: {
    languages: { id: string; filenamePatterns?: string[] }[];
    grammars: { language?: string; scopeName: string; injectTo?: string[] }[];
    commands: { command: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
  };
}

const manifest: Manifest = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8'));

/** Commands whose menus name script file names, and the kinds they are for (all: every kind). */
const fileCommands: Record<string, readonly string[] | 'all'> = {
  'metastudio.script.push': 'all',
  'metastudio.script.pull': 'all',
  'metastudio.script.compare': 'all',
  'metastudio.job.start': ['video'],
  'metastudio.layout.open': ['video', 'live'],
  'metastudio.layout.storyboard': ['video', 'live'],
  'metastudio.live.goLive': ['live'],
  'metastudio.live.sayNow': ['live'],
  'metastudio.live.updateScenes': ['live'],
};

/** The `resourceFilename =~ /…/` patterns of a `when` clause. */
function filenamePatterns(when: string): RegExp[] {
  return [...when.matchAll(/resourceFilename =~ \/((?:\\.|[^/\\])+)\/(\w*)/g)].map(([, source, flags]) => new RegExp(source, flags));
}

/** Where package.json disagrees with a kinds table: one line per entry to add or change. */
function manifestProblems({ contributes }: Manifest, table: Readonly<Record<string, ScriptKindRow>>): string[] {
  const rows = Object.entries(table);
  const problems: string[] = [];
  const injection = contributes.grammars.find((g) => g.injectTo);
  for (const [kind, { languageId, suffix, newFile }] of rows) {
    const language = contributes.languages.find((l) => l.id === languageId);
    if (!language) problems.push(`${kind}: no language ${languageId}`);
    else if (JSON.stringify(language.filenamePatterns) !== JSON.stringify([`*${suffix}`])) problems.push(`${kind}: ${languageId} is not for *${suffix} alone`);
    const grammar = contributes.grammars.find((g) => g.language === languageId);
    if (!grammar) problems.push(`${kind}: no grammar for ${languageId}`);
    else if (!injection?.injectTo?.includes(grammar.scopeName)) problems.push(`${kind}: no SSML injection into ${grammar.scopeName}`);
    if (!contributes.commands.some((c) => c.command === newFile.command)) problems.push(`${kind}: no command ${newFile.command}`);
  }
  const languageIds = rows.map(([, row]) => row.languageId);
  for (const [menu, items] of Object.entries(contributes.menus)) {
    for (const { command, when = '' } of items) {
      const where = `${menu} ${command}`;
      for (const pattern of filenamePatterns(when)) {
        const kinds = fileCommands[command];
        if (!kinds) {
          problems.push(`${where}: names file names, but this test does not know which kinds it is for`);
          continue;
        }
        for (const [kind, { suffix }] of rows) {
          const wanted = kinds === 'all' || kinds.includes(kind);
          if (pattern.test(`a${suffix}`) !== wanted) problems.push(`${where}: ${wanted ? 'does not show' : 'shows'} on *${suffix}`);
        }
        if (['a.json', 'a.ssml', 'a.jsonl'].some((name) => pattern.test(name))) problems.push(`${where}: shows on files of no kind`);
      }
      const named = languageIds.filter((id) => new RegExp(`LangId == ${id}\\b`).test(when));
      if (named.length && named.length < languageIds.length) {
        problems.push(`${where}: names ${named.join(', ')} but not ${languageIds.filter((id) => !named.includes(id)).join(', ')}`);
      }
    }
  }
  return problems;
}

/** A live product catalogue (reference 6.3), as a later kind could add it (its remote calls borrowed: only its shape matters here). */
const productsRow: ScriptKindRow = {
  suffix: '.products.json',
  languageId: 'metastudio-live-products',
  schema: { file: 'live-products.schema.json', json: { type: 'object' } },
  label: () => 'product catalogue',
  title: () => 'Product Catalogue',
  newFile: { command: 'metastudio.script.newProducts', title: () => 'New Product Catalogue', baseName: 'my-products', template: '{}\n' },
  remote: { ...scriptKinds.live.remote, kind: 'product-catalogue', nameField: 'product_name' },
};
const withProducts = { ...scriptKinds, products: productsRow };

describe('the kinds of script file', () => {
  it('are told apart: distinct lower-case suffixes, none the end of another, distinct languages, link kinds and commands', () => {
    const rows = Object.values(scriptKinds);
    const suffixes = rows.map((r) => r.suffix);
    for (const suffix of suffixes) {
      assert.equal(suffix, suffix.toLowerCase());
      assert.deepEqual(suffixes.filter((other) => other.endsWith(suffix)), [suffix]);
    }
    for (const field of [(r: ScriptKindRow) => r.languageId, (r: ScriptKindRow) => r.remote.kind, (r: ScriptKindRow) => r.newFile.command, (r: ScriptKindRow) => r.schema.file]) {
      assert.equal(new Set(rows.map(field)).size, rows.length);
    }
  });

  it('are what package.json contributes: each language, grammar, New command and file-name menu', () => {
    assert.deepEqual(manifestProblems(manifest, scriptKinds), []);
  });

  it('take one more kind as one more row: found by file name and language, and the manifest check lists what package.json then needs', () => {
    const lookups = kindLookups(withProducts);
    assert.deepEqual(lookups.kinds, ['video', 'live', 'rules', 'products']);
    assert.equal(lookups.kindOfFile('lib/Tea.PRODUCTS.json'), 'products');
    assert.equal(lookups.kindOfFile('lib/greetings.rules.json'), 'rules');
    assert.equal(lookups.kindOfFile('lib/products.json'), undefined);
    assert.equal(lookups.kindOfLanguage('metastudio-live-products'), 'products');
    assert.equal(lookups.filePatterns, '*.video.json, *.live.json, *.rules.json, *.products.json');

    const problems = manifestProblems(manifest, withProducts);
    assert.deepEqual(problems.filter((p) => p.startsWith('products:')), [
      'products: no language metastudio-live-products',
      'products: no grammar for metastudio-live-products',
      'products: no command metastudio.script.newProducts',
    ]);
    const menus = problems.filter((p) => !p.startsWith('products:'));
    assert.ok(menus.length > 0);
    for (const p of menus) assert.match(p, /^\S+ metastudio\.(script\.(push|pull|compare): does not show on \*\.products\.json|(preview\.voice|shot\.editText): names .* but not metastudio-live-products)$/);
    assert.ok(!menus.some((p) => p.includes('job.start')), 'a video job is for video scripts only');
    assert.ok(!menus.some((p) => p.includes('metastudio.live.')), 'a livestream is for live scripts only');

    // With those entries added, nothing is missing: the check asks for no more than a new kind needs.
    const { contributes } = manifest;
    const fixed: Manifest = {
      contributes: {
        ...contributes,
        languages: [...contributes.languages, { id: productsRow.languageId, filenamePatterns: [`*${productsRow.suffix}`] }],
        grammars: [
          ...contributes.grammars.map((g) => (g.injectTo ? { ...g, injectTo: [...g.injectTo, 'source.json.metastudio-live-products'] } : g)),
          { language: productsRow.languageId, scopeName: 'source.json.metastudio-live-products' },
        ],
        commands: [...contributes.commands, { command: productsRow.newFile.command }],
        menus: Object.fromEntries(Object.entries(contributes.menus).map(([menu, items]) => [menu, items.map((item) => ({
          ...item,
          // Only commands for every kind take the new suffix (the layout view stays with video and live scripts).
          when: (fileCommands[item.command] === 'all' ? item.when?.replace('(video|live|rules)', '(video|live|rules|products)') : item.when)
            ?.replace('editorLangId == metastudio-interaction-rules', '$& || editorLangId == metastudio-live-products'),
        }))])),
      },
    };
    assert.deepEqual(manifestProblems(fixed, withProducts), []);
  });
});
