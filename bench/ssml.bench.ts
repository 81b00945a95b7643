/**
 * SSML linter speed: a 131,072-character text (the longest the API takes) against fast-xml-parser's
 * XMLValidator alone, and growth of the worst cases (which must stay linear).
 */
import { XMLValidator } from 'fast-xml-parser';
import { lintSsml } from '../src/core/ssml';
import { compare, formatComparison, growth } from './harness';

export const maxTextLength = 131_072;

const block = [
  '大家好，欢迎来到<phoneme ph="chong2 qing4">重庆</phoneme>的直播间。<break time="500ms"/>',
  '<emotion type="HAPPY">今天给大家带来一款新品，<insert-action id="2692ea5d095caaafcfed21dc4590b701" name="wave" tag="system_female_animation_0026"/>',
  '价格只要<say-as interpret-as="money">99.9元</say-as>！</emotion><break strength="medium"/>',
  'The <phoneme ph="W EH1 DH AH0">weather</phoneme> is fine &amp; the <sub alias="MetaStudio">MS</sub> avatar speaks ',
  '<prosody rate="120">a little faster</prosody>, <!-- a comment --> and &lt;tags&gt; are escaped.\n',
].join('');

/** A valid SSML text of exactly `length` characters. */
export function ssmlOfLength(length: number): string {
  const open = '<speak>';
  const close = '</speak>';
  let body = block.repeat(Math.ceil(length / block.length));
  // Cut at a block boundary, then pad with plain text to the exact length.
  body = body.slice(0, body.lastIndexOf('\n', length - open.length - close.length) + 1);
  return open + body + '好'.repeat(length - open.length - close.length - body.length) + close;
}

const worstCases: [string, (n: number) => string][] = [
  ['deep nesting (n nested <emotion>)', (n) => `<speak>${'<emotion type="SAD">x'.repeat(n)}${'</emotion>'.repeat(n)}</speak>`],
  ['huge attribute (value of n characters)', (n) => `<speak><sub alias="${'a'.repeat(n)}">x</sub></speak>`],
  ['many attributes (n in one tag)', (n) => `<speak><break${Array.from({ length: n }, (_, i) => ` a${i}="1"`).join('')}/></speak>`],
  ['thousands of tags (n <break/>)', (n) => `<speak>${'<break time="1s"/>'.repeat(n)}</speak>`],
  ['long entity run (n &amp;)', (n) => `<speak>${'&amp;'.repeat(n)}</speak>`],
  ['stray characters (n "& <")', (n) => `<speak>${'& < '.repeat(n)}</speak>`],
  ['unclosed quotes (n <b a=")', (n) => `<speak>${'<b a="'.repeat(n)}</speak>`],
  ['unclosed elements (n <emotion>)', (n) => `<speak>${'<emotion type="SAD">'.repeat(n)}`],
  ['stray closing tags under n open elements', (n) => `<speak>${'<emotion type="SAD">'.repeat(n)}${'</sub>'.repeat(n)}</speak>`],
];

export async function run(): Promise<string[]> {
  const text = ssmlOfLength(maxTextLength);
  if (text.length !== maxTextLength || lintSsml(text, { where: 'live' }).length !== 0 || XMLValidator.validate(text) !== true) {
    throw new Error('the benchmark text is not a valid 131,072-character SSML text');
  }
  const lines = [formatComparison(await compare(
    'SSML lint of a 131,072-character text',
    { name: 'lintSsml', run: () => lintSsml(text, { where: 'live' }) },
    { name: 'XMLValidator.validate', run: () => XMLValidator.validate(text) },
    { runs: 40, target: 2 },
  ))];
  for (const [name, make] of worstCases) {
    lines.push(growth(`SSML lint growth, ${name}`, [1_000, 4_000, 16_000, 64_000], (n) => {
      const input = make(n);
      return () => lintSsml(input, { where: 'live' });
    }));
  }
  return lines;
}
