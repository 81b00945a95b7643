import * as assert from 'node:assert/strict';
import { pinyin } from 'pinyin-pro';
import { cmuProblem, countHanzi, isMandarinSyllable, phNotation, pinyinProblem, syllablesNear } from '../../../src/core/ssml/phonemes';
import { parseDuration } from '../../../src/core/ssml/values';

describe('SSML phonemes and values', () => {
  it('knows every syllable pinyin-pro reads the common CJK block with', () => {
    const unknown = new Set<string>();
    for (let cp = 0x4e00; cp <= 0x9fff; cp++) {
      const char = String.fromCodePoint(cp);
      for (const reading of pinyin(char, { multiple: true, toneType: 'none', type: 'array', v: true })) {
        if (reading !== char && !isMandarinSyllable(reading)) unknown.add(reading);
      }
    }
    assert.deepEqual([...unknown], []);
  });

  it('checks pinyin syllables and tones', () => {
    assert.equal(pinyinProblem('zhong4'), undefined);
    assert.equal(pinyinProblem('lv4'), undefined);
    assert.equal(pinyinProblem('lü4'), undefined);
    assert.equal(pinyinProblem('nve4'), undefined);
    assert.equal(pinyinProblem('de5'), undefined);
    assert.equal(pinyinProblem('Zhong1'), undefined);
    assert.equal(pinyinProblem('zhong'), 'tone');
    assert.equal(pinyinProblem('zhong0'), 'tone');
    assert.equal(pinyinProblem('zhong6'), 'tone');
    assert.equal(pinyinProblem('zhonh1'), 'syllable');
    assert.equal(pinyinProblem('jv1'), 'syllable');
    assert.equal(pinyinProblem('bou1'), 'syllable');
  });

  it('proposes the syllables one edit away from a non-syllable', () => {
    assert.deepEqual(syllablesNear('zhonh'), ['zhong']);
    assert.ok(syllablesNear('gwo').includes('guo'));
    assert.deepEqual(syllablesNear('xxxxxx'), []);
  });

  it('checks CMU phonemes and their stress', () => {
    assert.equal(cmuProblem('EH1'), undefined);
    assert.equal(cmuProblem('AH0'), undefined);
    assert.equal(cmuProblem('ER2'), undefined);
    assert.equal(cmuProblem('DH'), undefined);
    assert.equal(cmuProblem('EH'), 'stress');
    assert.equal(cmuProblem('EH3'), 'stress');
    assert.equal(cmuProblem('W1'), 'stress');
    assert.equal(cmuProblem('DX'), 'unknown');
  });

  it('tells pinyin from CMU', () => {
    assert.equal(phNotation('tian1 qi4'), 'pinyin');
    assert.equal(phNotation('W EH1 DH AH0'), 'cmu');
    assert.equal(phNotation('天气'), 'invalid');
    assert.equal(phNotation('  '), 'invalid');
    assert.equal(phNotation('a-b'), 'invalid');
  });

  it('counts Chinese characters, supplementary ones once', () => {
    assert.equal(countHanzi('a中b国c', 0, 5), 2);
    assert.equal(countHanzi('𠀀㐀', 0, 3), 2);
    assert.equal(countHanzi('中国', 1, 2), 1);
    assert.equal(countHanzi('，。！abc', 0, 6), 0);
  });

  it('parses durations strictly', () => {
    assert.deepEqual(parseDuration('200ms'), { ms: 200, unit: 'ms' });
    assert.deepEqual(parseDuration('1.5s'), { ms: 1500, unit: 's' });
    assert.deepEqual(parseDuration('300'), { ms: 300, unit: '' });
    assert.equal(parseDuration('200 ms'), undefined);
    assert.equal(parseDuration('-1s'), undefined);
    assert.equal(parseDuration('1e3ms'), undefined);
  });
});
