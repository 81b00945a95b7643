import assert from 'node:assert/strict';
import type { CoreDiagnostic, TextEdit } from '../../../src/core/diagnostics';
import { liveScriptTemplate, videoScriptTemplate } from '../../../src/core/scripts/templates';
import { polyphoneInScript, scriptTexts } from '../../../src/core/scripts/texts';
import { validateScript } from '../../../src/core/scripts/validate';
import { lintSsml } from '../../../src/core/ssml/lint';
import { polyphoneTableText } from '../../../src/core/ssml/pinyinReadings';
import { polyphoneAt, polyphoneReadings } from '../../../src/core/ssml/polyphones';
import { polyphoneTable, polyphoneTableSource } from '../../../src/core/ssml/polyphoneTable';
import type { SsmlContext } from '../../../src/core/ssml/types';

function apply(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

const polyphones = (text: string, context: SsmlContext = { where: 'live', polyphones: 'hint' }) =>
  lintSsml(text, context).filter((d) => d.code === 'ssml/polyphone');
const chars = (text: string, found: CoreDiagnostic[]) => found.map((d) => text.slice(d.start, d.end)).join('');

/**
 * Sentences with a polyphone whose reading is known: [sentence, the polyphone (its first
 * occurrence), its reading there, and the word and ph the preferred fix marks, when the word is known].
 */
const corpus: [string, string, string, string?, string?][] = [
  ['我住在重庆。', '重', 'chong2', '重庆', 'chong2 qing4'],
  ['他去银行取钱。', '行', 'hang2', '银行', 'yin2 hang2'],
  ['行长今天开会。', '行', 'hang2', '行长', 'hang2 zhang3'],
  ['行长今天开会。', '长', 'zhang3', '行长', 'hang2 zhang3'],
  ['孩子长大了。', '长', 'zhang3', '长大', 'zhang3 da4'],
  ['我喜欢听音乐。', '乐', 'yue4', '音乐', 'yin1 yue4'],
  ['祝你生日快乐！', '乐', 'le4'],
  ['你还是去吧。', '还', 'hai2'],
  ['他明天还钱。', '还', 'huan2', '还钱', 'huan2 qian2'],
  ['请把书还给我。', '还', 'huan2', '还给', 'huan2 gei3'],
  ['朝阳区很大。', '朝', 'chao2'],
  ['现代都市生活。', '都', 'du1', '都市', 'du1 shi4'],
  ['我们都来了。', '都', 'dou1'],
  ['很重要。', '重', 'zhong4'],
  ['重新开始。', '重', 'chong2', '重新', 'chong2 xin1'],
  ['这个人很好学。', '好', 'hao4'],
  ['你好。', '好', 'hao3'],
  ['长城很长。', '长', 'chang2'],
  ['睡觉了。', '觉', 'jiao4', '睡觉', 'shui4 jiao4'],
  ['觉得很好。', '觉', 'jue2'],
  ['会计师来了。', '会', 'kuai4', '会计', 'kuai4 ji4'],
  ['我会说中文。', '会', 'hui4'],
  ['数量很多。', '量', 'liang4'],
  ['出差。', '差', 'chai1'],
  ['差不多。', '差', 'cha4'],
];

describe('polyphone assistant (ssml/polyphone)', () => {
  describe('offers the reading its word implies first, preferred', () => {
    for (const [sentence, char, reading, word, ph] of corpus) {
      it(`${char} in ${sentence} reads ${reading}`, () => {
        const text = `<speak>${sentence}</speak>`;
        const offset = text.indexOf(char);
        assert.ok(polyphones(text).some((d) => d.start === offset), `${char} is marked`);
        const found = polyphoneAt(text, offset)!;
        const [first, ...others] = found.readings;
        assert.equal(first.reading, reading);
        assert.equal(first.contextual, true);
        assert.equal(first.fix.preferred, true);
        assert.ok(others.every((r) => !r.contextual && !r.fix.preferred && r.reading !== reading), 'one preferred reading');
        assert.ok(others.length >= 1, 'and the others');
        const marked = text.slice(found.wordStart, found.wordEnd);
        assert.ok(marked.includes(char));
        if (word) assert.deepEqual([marked, first.ph], [word, ph]);
        assert.equal(apply(text, first.fix.edits), text.slice(0, found.wordStart) + `<phoneme ph="${first.ph}">${marked}</phoneme>` + text.slice(found.wordEnd));
        assert.equal(first.ph.split(' ')[offset - found.wordStart], reading);
      });
    }
  });

  it('looks characters up in a table that is pinyin-pro\'s as installed (else run scripts/polyphones.ts)', function () {
    this.timeout(120_000);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { version } = require('pinyin-pro/package.json') as { version: string };
    assert.equal(polyphoneTableSource, `pinyin-pro ${version}`);
    assert.ok(polyphoneTable === polyphoneTableText(), 'the table is what pinyin-pro says now');
    assert.deepEqual(polyphoneReadings('行'.charCodeAt(0)), ['xing2', 'hang2', 'hang4', 'heng2']);
    assert.equal(polyphoneReadings('们'.charCodeAt(0)), undefined, 'men2 and men5: only a neutral tone more');
  });

  it('marks every polyphone once, and after the preferred fixes the linter is quiet', () => {
    for (const start of ['<speak>行长在重庆的银行说：还钱！<break time="300ms"/>音乐很好听。</speak>', '行长在重庆的银行说：还钱 & 好好学习。']) {
      let text = start;
      for (let guard = 0; guard < 50; guard++) {
        const [next] = polyphones(text, { where: 'video', polyphones: 'hint' });
        if (!next) break;
        const fix = polyphoneAt(text, next.start)!.readings.find((r) => r.fix.preferred)!.fix;
        text = apply(text, fix.edits);
      }
      assert.deepEqual(lintSsml(text, { where: 'video', polyphones: 'hint' }), [], text);
      assert.match(text, /^<speak>.*<phoneme ph="hang2 zhang3">行长<\/phoneme>.*<phoneme ph="huan2 qian2">还钱<\/phoneme>.*<\/speak>$/);
    }
  });

  it('marks plain text too; its fixes give it a <speak> root and escape its "&"', () => {
    const text = '你好 & 再见';
    assert.equal(chars(text, polyphones(text)), '好见');
    const fix = polyphoneAt(text, 1)!.readings[0].fix;
    assert.equal(apply(text, fix.edits), '<speak>你<phoneme ph="hao3">好</phoneme> &amp; 再见</speak>');
  });

  it('leaves alone what a phoneme or sub says, characters of one reading or only a neutral tone more', () => {
    const text = '<speak><phoneme ph="chong2 qing4">重庆</phoneme><sub alias="行">长</sub>我们好</speak>';
    assert.equal(chars(text, polyphones(text)), '好');
    assert.equal(polyphoneAt(text, text.indexOf('们')), undefined, '们 men2/men5: a neutral tone is no other reading');
    assert.equal(polyphoneAt(text, text.indexOf('我')), undefined);
    assert.equal(polyphoneAt(text, text.length), undefined);
  });

  it('marks only where asked and where phoneme takes effect, at the severity asked', () => {
    const text = '<speak>好</speak>';
    assert.deepEqual(polyphones(text, { where: 'live' }), [], 'not asked for');
    assert.deepEqual(polyphones(text, { where: 'preview', polyphones: 'hint' }), [], 'a preview is checked for errors only');
    assert.deepEqual(polyphones(text, { where: 'live', polyphones: 'hint', voice: { is_support_phoneme: false } }), [], 'the voice reads no phonemes');
    const [info] = polyphones(text, { where: 'standalone', polyphones: 'info', voice: { is_support_phoneme: true } });
    assert.deepEqual([info.severity, info.start, info.message], ['info', 7, '"好" has more than one reading (hao3, hao4): mark the one meant with <phoneme>']);
    assert.equal(polyphones(text, { where: 'video', polyphones: 'hint' })[0].severity, 'hint');
  });

  it('marks at most a thousand polyphones a file, then sums up the rest where the first left out is', () => {
    const ssml = `<speak>${'好'.repeat(1500)}</speak>`;
    const found = lintSsml(ssml, { where: 'live', polyphones: 'hint' });
    assert.equal(found.filter((d) => d.code === 'ssml/polyphone').length, 1000);
    const more = found.filter((d) => d.code === 'lint/more-problems');
    assert.deepEqual(more.map((d) => [d.start, d.message]), [[1007, '500 more ssml/polyphone problems (only the first 1000 of each code are listed)']]);
    const script = videoScriptTemplate.replace(/"text": ".*"/, `"text": "${'好'.repeat(1500)}"`);
    const inScript = validateScript(script, 'video', { polyphones: 'hint' });
    assert.equal(inScript.filter((d) => d.code === 'ssml/polyphone').length, 1000);
    assert.equal(inScript.filter((d) => d.code === 'lint/more-problems').length, 1);
  });

  it('shows the sentence around a polyphone without its tags', () => {
    const text = '<speak>第一句。我在<break time="1s"/>重庆<emotion type="HAPPY">工作</emotion>，很好。第三句</speak>';
    const found = polyphoneAt(text, text.indexOf('重'))!;
    assert.deepEqual([found.before, found.char, found.after], ['我在', '重', '庆工作，很好。']);
  });

  it('fixes a script text through its JSON escapes, and the script lints clean afterwards', () => {
    for (const [template, kind] of [[videoScriptTemplate, 'video'], [liveScriptTemplate, 'live']] as const) {
      const written = kind === 'video' ? '<speak>Hello, everyone.<break time=\\"500ms\\"/>Welcome!</speak>' : 'Welcome to the live room!';
      let text = template.replace(written, kind === 'video' ? '<speak>\\"重庆\\"\\n银行<break time=\\"500ms\\"/></speak>' : '重庆\\t银行');
      assert.notEqual(text, template);
      const before = validateScript(text, kind, { polyphones: 'hint' }).filter((d) => d.code === 'ssml/polyphone');
      assert.deepEqual(before.map((d) => text.slice(d.start, d.end)), ['重', '行'], kind);
      for (let next = before[0]; next; next = validateScript(text, kind, { polyphones: 'hint' }).find((d) => d.code === 'ssml/polyphone')!) {
        const found = polyphoneInScript(text, kind, next.start)!;
        assert.equal(text.slice(found.offset, found.offset + 1), found.char);
        text = apply(text, found.readings[0].fix.edits);
      }
      JSON.parse(text);
      assert.deepEqual(validateScript(text, kind, { polyphones: 'hint' }), [], kind);
      const [decoded] = scriptTexts(text, kind);
      assert.equal(decoded.value, kind === 'video'
        ? '<speak>"<phoneme ph="chong2 qing4">重庆</phoneme>"\n<phoneme ph="yin2 hang2">银行</phoneme><break time="500ms"/></speak>'
        : '<speak><phoneme ph="chong2 qing4">重庆</phoneme>\t<phoneme ph="yin2 hang2">银行</phoneme></speak>');
    }
  });
});
