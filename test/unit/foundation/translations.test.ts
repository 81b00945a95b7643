/**
 * Every string a user reads has its translation, and every translation keeps what must not change.
 * A failure names each key: translate it in the file the message names (`npm run l10n` lists them
 * too, and drops translations whose English is gone).
 */
import * as assert from 'node:assert/strict';
import { catalogs, gaps, keptTokens, languages, readTranslations } from '../../../scripts/translations';
import { scriptSchemaFiles, type JsonSchema } from '../../../src/core/scripts/schemas';
import { localizeSchema, schemaTexts } from '../../../src/core/scripts/schemaTexts';

const list = (keys: readonly string[]) => keys.map((k) => `\n  ${JSON.stringify(k)}`).join('');

describe('translations', () => {
  for (const language of languages) {
    for (const catalog of catalogs()) {
      const file = catalog.translationFile(language);
      describe(`${catalog.name} in ${language} (${file})`, () => {
        const found = gaps(catalog.english, readTranslations(catalog, language));

        it('translates every English string', () => {
          assert.ok(catalog.english.size > 0);
          assert.equal(found.missing.length, 0, `${found.missing.length} string(s) without a translation in ${file}:${list(found.missing)}`);
        });

        it('holds no translation whose English is gone (`npm run l10n` drops them)', () => {
          assert.equal(found.stale.length, 0, `${found.stale.length} stale key(s) in ${file}:${list(found.stale)}`);
        });

        it('keeps the placeholders, code spans, icons and links of the English', () => {
          const lines = found.mismatched.map((m) => `\n  ${JSON.stringify(m.key)}: English ${m.english.join(' ') || '-'}, translation ${m.translated.join(' ') || '-'}`);
          assert.equal(found.mismatched.length, 0, `${found.mismatched.length} translation(s) in ${file} differ:${lines.join('')}`);
        });
      });
    }
  }

  describe('the check itself', () => {
    it('finds a missing key, a stale key and a changed placeholder or code span', () => {
      const english = new Map([['Saved {0}.', 'Saved {0}.'], ['Use `speak`.', 'Use `speak`.'], ['Hi', 'Hi']]);
      const found = gaps(english, { 'Saved {0}.': '已保存 {1}。', 'Use `speak`.': '使用 `说`。', Gone: '没了' });
      assert.deepEqual(found.missing, ['Hi']);
      assert.deepEqual(found.stale, ['Gone']);
      assert.deepEqual(found.mismatched.map((m) => m.key), ['Saved {0}.', 'Use `speak`.']);
    });

    it('keeps placeholders, code spans, codicons and command links, in any order', () => {
      assert.deepEqual(keptTokens('$(add) {1} then `a` and {0} [Sign In](command:x.y)'), ['$(add)', '](command:x.y)', '`a`', '{0}', '{1}']);
      assert.deepEqual(keptTokens('{"file", "kind"}'), [], 'JSON in a usage text is no placeholder');
    });
  });

  describe('schema texts', () => {
    it('are the descriptions, enum descriptions, titles and snippet labels, never property names or values', () => {
      const schema: JsonSchema = {
        title: 'T', markdownDescription: 'D', enum: ['A'], markdownEnumDescriptions: ['A is a'], default: { description: 'a value' },
        properties: { description: { type: 'string', description: 'a property named description' } },
        defaultSnippets: [{ label: 'L', description: 'S', body: { label: 'x' } }],
      };
      assert.deepEqual(schemaTexts(schema).sort(), ['A is a', 'D', 'L', 'S', 'T', 'a property named description']);
    });

    it('are translated from the table, and stay English where it has none', () => {
      const localized = localizeSchema({ description: 'a', properties: { x: { enumDescriptions: ['b', 'c'] } } }, { a: '甲', b: '乙' });
      assert.deepEqual(localized, { description: '甲', properties: { x: { enumDescriptions: ['乙', 'c'] } } });
    });

    it('of the real schemas come out Chinese with the zh-cn table', () => {
      const schemas = catalogs().find((c) => c.name === 'schema texts')!;
      const zh = readTranslations(schemas, 'zh-cn');
      const video = localizeSchema(scriptSchemaFiles['video-script.schema.json'], zh);
      const english = schemaTexts(scriptSchemaFiles['video-script.schema.json']);
      const translated = schemaTexts(video);
      assert.equal(translated.length, english.length);
      assert.ok(translated.every((text) => /[\u4e00-\u9fff]/.test(text)), `untranslated: ${translated.filter((t) => !/[\u4e00-\u9fff]/.test(t)).join(' | ')}`);
    });
  });
});
