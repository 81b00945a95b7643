/**
 * Pinyin of Chinese characters in MetaStudio's notation (tone numbers, 5 = neutral tone, `v`
 * for `ü`), from `pinyin-pro` as the reference recommends. pinyin-pro takes a fifth of a second to
 * load and builds its dictionaries on first use, so it is loaded when first asked, not at start-up.
 */
import type * as PinyinPro from 'pinyin-pro';
import { lazy } from '../lazy';

// Its dictionaries take longer to evaluate than the rest of the extension: loaded for the first reading asked for.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pinyinPro = lazy('pinyin-pro', () => require('pinyin-pro') as typeof PinyinPro);

/** pinyin-pro writes the neutral tone 0 (`le0`) or no digit; MetaStudio wants 5. */
function metaStudioTone(syllable: string): string {
  const last = syllable.charCodeAt(syllable.length - 1);
  if (last === 48) return `${syllable.slice(0, -1)}5`;
  return last >= 49 && last <= 53 ? syllable : `${syllable}5`;
}

const syllable = /^[a-zv]+[1-5]$/;

/**
 * Words pinyin-pro 3.29 reads wrongly in any context (it reads 还 hai2 in both), with their readings:
 * they take precedence over its guess.
 */
const corrections: Readonly<Record<string, readonly string[]>> = {
  还钱: ['huan2', 'qian2'],
  还给: ['huan2', 'gei3'],
};

/** Every reading of one character, the most common first; none for a character it does not know. */
export function readingsOf(char: string): string[] {
  const readings = pinyinPro().pinyin(char, { multiple: true, toneType: 'num', type: 'array', v: true }).map(metaStudioTone).filter((s) => syllable.test(s));
  return [...new Set(readings)];
}

/** The reading of each character of a text of Chinese characters, chosen in context; undefined where it has none. */
export function readingsInContext(text: string): (string | undefined)[] {
  const readings: (string | undefined)[] = pinyinPro().pinyin(text, { toneType: 'num', type: 'array', v: true })
    .map(metaStudioTone).map((s) => (syllable.test(s) ? s : undefined));
  for (const [word, reading] of Object.entries(corrections)) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) readings.splice(at, word.length, ...reading);
  }
  return readings;
}

/** The reading of each character of a word of Chinese characters, chosen in context (`银行` → yin2 hang2). */
export function readingInContext(word: string): string[] | undefined {
  const readings = readingsInContext(word);
  return readings.every((s) => s !== undefined) ? readings : undefined;
}

/** The lengths of the words of a text of Chinese characters, in order (`去银行取钱` → 1, 2, 1, 1). */
export function wordLengths(text: string): number[] {
  const { segment, OutputFormat } = pinyinPro();
  const lengths = segment(text, { format: OutputFormat.ZhArray }).map((word) => word.join('').length);
  // A corrected word is one word, whatever pinyin-pro made of it.
  for (const word of Object.keys(corrections)) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) merge(lengths, at, word.length);
  }
  return lengths;
}

/** Joins the words that cover `[at, at + length)` into one. */
function merge(lengths: number[], at: number, length: number): void {
  let start = 0;
  let first = 0;
  while (first < lengths.length && start + lengths[first] <= at) start += lengths[first++];
  let last = first;
  let end = start + (lengths[first] ?? 0);
  while (last + 1 < lengths.length && end < at + length) end += lengths[++last];
  lengths.splice(first, last - first + 1, end - start);
}

/** The blocks of Chinese characters of the BMP that polyphones are looked for in (see `hanziLength`). */
const bmpHanziBlocks: readonly (readonly [number, number])[] = [[0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff]];

/**
 * Every polyphone pinyin-pro knows, as `scripts/polyphones.ts` writes it into `polyphoneTable.ts`: one
 * entry per character, `行xing2,hang2,hang4,heng2`, separated by spaces. A neutral tone of a syllable the
 * character also has with a tone (们 men2, men5) is how it sounds unstressed, not another reading.
 */
export function polyphoneTableText(): string {
  const entries: string[] = [];
  for (const [from, to] of bmpHanziBlocks) {
    for (let code = from; code <= to; code++) {
      const char = String.fromCharCode(code);
      const all = readingsOf(char);
      const readings = all.filter((r) => !r.endsWith('5') || !all.some((other) => other !== r && other.slice(0, -1) === r.slice(0, -1)));
      if (readings.length > 1) entries.push(char + readings.join(','));
    }
  }
  return entries.join(' ');
}
