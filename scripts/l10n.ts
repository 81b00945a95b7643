/**
 * The second half of `npm run l10n`, after the English bundle is exported: brings each language's
 * translation files in step with their English sources. Entries whose English is gone are dropped
 * (and printed, so an edited string's old translation can be reused); the rest is written in the
 * English order. Missing translations are only listed, ready to paste and translate: a person
 * writes them (the unit test test/unit/foundation/translations.test.ts fails until they exist).
 *
 * Usage: npx tsx scripts/l10n.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogs, gaps, languages, readTranslations, root } from './translations';

let todo = 0;
for (const language of languages) {
  for (const catalog of catalogs()) {
    const file = catalog.translationFile(language);
    const translations = readTranslations(catalog, language);
    const { missing, stale, mismatched } = gaps(catalog.english, translations);
    const kept = Object.fromEntries([...catalog.english.keys()].filter((key) => Object.hasOwn(translations, key)).map((key) => [key, translations[key]]));
    writeFileSync(join(root, file), `${JSON.stringify(kept, null, 2)}\n`);
    for (const key of stale) console.log(`${file}: dropped (its English is gone): ${JSON.stringify(key)}: ${JSON.stringify(translations[key])}`);
    for (const m of mismatched) console.log(`${file}: ${JSON.stringify(m.key)} keeps ${m.translated.join(' ') || 'nothing'}, the English has ${m.english.join(' ') || 'nothing'}`);
    if (missing.length) {
      console.log(`${file}: ${missing.length} string(s) to translate:`);
      for (const key of missing) console.log(`  ${JSON.stringify(key)}: ${JSON.stringify(catalog.english.get(key))},`);
    }
    todo += missing.length + mismatched.length;
  }
}
console.log(todo ? `${todo} translation(s) to write or fix.` : 'Every translation is in step with its English.');
