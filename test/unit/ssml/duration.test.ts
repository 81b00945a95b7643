import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BREAK_STRENGTH_MS, estimateSeconds, SPEAKING_RATES, type Speech } from '../../../src/core/ssml/duration';
import { analyzeSsml, lintSsml } from '../../../src/core/ssml/lint';
import type { SsmlContext, SsmlWhere } from '../../../src/core/ssml/types';

const speechOf = (text: string, where: SsmlWhere = 'live') => analyzeSsml(text, { where }).speech;
const seconds = (text: string, where: SsmlWhere = 'live', speed?: number) => estimateSeconds(speechOf(text, where), speed);
const close = (actual: number, expected: number, what: string) => assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: ${actual} ≠ ${expected}`);

describe('SSML duration model (docs/duration.md)', () => {
  it('counts Chinese characters, English words and digits, skipping tags, punctuation and entities', () => {
    const speech = speechOf('<speak>欢迎来到 MetaStudio，it\'s 2024 年！<break time="1s"/>Twenty-one &amp; 𠀀</speak>');
    assert.deepEqual([speech.hanzi, speech.words, speech.digits], [6, 4, 4], 'words: MetaStudio, it\'s, Twenty, one');
    assert.deepEqual(speechOf('plain text, 3 words'), { ...speechOf('plain text, 3 words'), hanzi: 0, words: 3, digits: 1 });
    assert.equal(speechOf('<speak><![CDATA[数据]]></speak>').words, 0, 'CDATA markers are not words');
  });

  it('speaks each kind at its own rate', () => {
    close(seconds('一二三四五六七八九'), 9 / SPEAKING_RATES.hanzi, 'nine characters');
    close(seconds('one two three four five six seven eight nine ten eleven'), 11 / SPEAKING_RATES.words, 'eleven words');
    close(seconds('123456'), 6 / SPEAKING_RATES.digits, 'six digits');
    close(seconds('<speak>你好 world 42</speak>'), 2 / 4.5 + 1 / 2.75 + 2 / 3, 'a mix');
  });

  it('scales speech, not pauses, by the voice\'s speed (clamped to 50–200)', () => {
    const text = '<speak>一二三四五六七八九<break time="2s"/></speak>';
    close(seconds(text, 'live', 200), 1 + 2, 'double speed');
    close(seconds(text, 'live', 50), 4 + 2, 'half speed');
    close(seconds(text, 'live', 1000), 1 + 2, 'clamped to 200');
    close(seconds(text, 'live', Number.NaN), 2 + 2, 'no number: 100');
  });

  it('applies prosody rates and speaks sub aliases, except in video where neither takes effect', () => {
    const text = '<speak><prosody rate="50">一二三四五六七八九</prosody><sub alias="世界贸易组织">WTO</sub></speak>';
    close(seconds(text, 'live'), 4 + 6 / 4.5, 'live: half rate, alias spoken');
    close(seconds(text, 'standalone'), 4 + 6 / 4.5, 'an .ssml file');
    close(seconds(text, 'video'), 2 + 1 / 2.75, 'video: written text at rate 100');
    close(seconds('<speak><prosody rate="20">一二三四五六七八九</prosody></speak>'), 2, 'an invalid rate counts as 100');
  });

  it('pauses for breaks: time (within 200 ms–10 s), else strength, else medium', () => {
    const pause = (tag: string) => speechOf(`<speak>a${tag}b</speak>`).pauseSeconds;
    assert.equal(pause('<break time="750ms"/>'), 0.75);
    assert.equal(pause('<break time="1.5s" strength="x-weak"/>'), 1.5);
    assert.equal(pause('<break time="20s"/>'), 10);
    assert.equal(pause('<break time="50"/>'), 0.2);
    assert.equal(pause('<break strength="strong"/>'), BREAK_STRENGTH_MS.strong / 1000);
    assert.equal(pause('<break time="soon" strength="none"/>'), 0);
    assert.equal(pause('<break/>'), BREAK_STRENGTH_MS.medium / 1000);
    const speech: Speech = speechOf('<speak><break time="1s"/>一<break time="1s"/></speak>');
    assert.equal(speech.breaks, 2);
    close(estimateSeconds(speech), 2 + 1 / 4.5, 'pauses add to speech');
  });

  it('is counted in the lint pass itself: the same diagnostics as lintSsml, on valid and invalid texts', () => {
    const cases = JSON.parse(readFileSync(join(__dirname, '../../fixtures/ssml/invalid.json'), 'utf8')) as { text: string; where?: 'video' | 'live'; polyphones?: 'hint' }[];
    for (const c of cases) {
      const context: SsmlContext = { where: c.where ?? 'live', polyphones: c.polyphones };
      assert.deepEqual(analyzeSsml(c.text, context).diagnostics, lintSsml(c.text, context), c.text);
    }
    assert.deepEqual(analyzeSsml(undefined as unknown as string, { where: 'live' }), { diagnostics: [], speech: speechOf('') });
  });
});
