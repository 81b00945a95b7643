import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLanguages } from '../../../src/languages';

const manifest = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8'));

describe('the languages service', () => {
  const languages = createLanguages();
  const document = (languageId: string) => ({ languageId }) as Parameters<typeof languages.scriptKindOf>[0];

  it('names the languages package.json contributes, and no other', () => {
    const contributed = (manifest.contributes.languages as { id: string }[]).map((l) => l.id).sort();
    assert.deepEqual([...Object.values(languages.scripts), languages.ssml].sort(), contributed);
  });

  it('tells a document\'s script kind by its language, and selects exactly the script languages', () => {
    assert.equal(languages.scriptKindOf(document(languages.scripts.video)), 'video');
    assert.equal(languages.scriptKindOf(document(languages.scripts.live)), 'live');
    assert.equal(languages.scriptKindOf(document(languages.ssml)), undefined);
    assert.equal(languages.scriptKindOf(document('json')), undefined);
    assert.deepEqual(languages.scriptSelector.map((f) => f.language).sort(), Object.values(languages.scripts).sort());
  });
});
