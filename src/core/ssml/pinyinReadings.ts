/**
 * Pinyin of Chinese characters in MetaStudio's notation (tone numbers, 5 = neutral tone, `v`
 * for `ü`), from `pinyin-pro` as the reference recommends.
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

/** Every reading of one character, the most common first; none for a character it does not know. */
export function readingsOf(char: string): string[] {
  return pinyinPro().pinyin(char, { multiple: true, toneType: 'num', type: 'array', v: true }).map(metaStudioTone).filter((s) => syllable.test(s));
}

/** The reading of each character of a word of Chinese characters, chosen in context (`银行` → yin2 hang2). */
export function readingInContext(word: string): string[] | undefined {
  const readings = pinyinPro().pinyin(word, { toneType: 'num', type: 'array', v: true }).map(metaStudioTone);
  return readings.every((s) => syllable.test(s)) ? readings : undefined;
}

