/**
 * The two notations of phoneme `ph` (docs/decisions/ssml-dialect.md): pinyin with tone numbers and CMU
 * ARPAbet. Holds the table of Mandarin syllables and the ARPAbet inventory.
 */
import { editDistance } from '../text/nearest';

/** Every syllable of standard Mandarin (toneless, `ü` written `v`), interjections included. */
const mandarinSyllables = new Set(`
a ai an ang ao e ei en eng er o ou
ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu
pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu
ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu
fa fan fang fei fen feng fiao fo fou fu
da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo
ta tai tan tang tao te tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo
na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nun nuo nv nve
la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lv lve
ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo
ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo
ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo
ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun
qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun
xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun
zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo
cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo
sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo
ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo
za zai zan zang zao ze zei zen zeng zi zong zou zu zuan zui zun zuo
ca cai can cang cao ce cen ceng ci cong cou cu cuan cui cun cuo
sa sai san sang sao se sen seng si song sou su suan sui sun suo
ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun
wa wai wan wang wei wen weng wo wu
m n ng hm hng ê
`.trim().split(/\s+/));

const arpabetVowels = new Set('AA AE AH AO AW AY EH ER EY IH IY OW OY UH UW'.split(' '));
const arpabetConsonants = new Set('B CH D DH F G HH JH K L M N NG P R S SH T TH V W Y Z ZH'.split(' '));

export interface PhToken {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** What `\s` matches, one UTF-16 unit at a time. */
function isWhiteSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The space-separated parts of a `ph` value, with offsets relative to the value. */
export function phTokens(value: string): PhToken[] {
  const tokens: PhToken[] = [];
  let at = 0;
  while (at < value.length) {
    while (at < value.length && isWhiteSpace(value.charCodeAt(at))) at++;
    const start = at;
    while (at < value.length && !isWhiteSpace(value.charCodeAt(at))) at++;
    if (at > start) tokens.push({ text: value.slice(start, at), start, end: at });
  }
  return tokens;
}

/** Pinyin is lower case (a capital-only value is CMU); anything beyond letters and digits is neither. */
export function phNotation(value: string): 'pinyin' | 'cmu' | 'invalid' {
  if (!/^[\sA-Za-z0-9üÜêÊ]*$/.test(value) || !/[A-Za-zü]/.test(value)) return 'invalid';
  return /[a-zü]/.test(value) ? 'pinyin' : 'cmu';
}

export type SyllableProblem = 'tone' | 'syllable' | undefined;

/** Checks one pinyin syllable such as `zhong4`, `lv4` or `lü4`; case is ignored. */
export function pinyinProblem(syllable: string): SyllableProblem {
  const tone = syllable.charCodeAt(syllable.length - 1) - 48;
  const hasDigit = tone >= 0 && tone <= 9;
  const base = (hasDigit ? syllable.slice(0, -1) : syllable).toLowerCase().replace(/ü/g, 'v');
  if (!mandarinSyllables.has(base)) return 'syllable';
  return hasDigit && tone >= 1 && tone <= 5 ? undefined : 'tone';
}

/** The syllables one edit away from a toneless non-syllable (`zhonh` → zhong), at most `limit`. */
export function syllablesNear(toneless: string, limit = 4): string[] {
  const base = toneless.toLowerCase().replace(/ü/g, 'v');
  const near: string[] = [];
  for (const syllable of mandarinSyllables) {
    if (Math.abs(syllable.length - base.length) <= 1 && editDistance(base, syllable) === 1) near.push(syllable);
    if (near.length === limit) break;
  }
  return near;
}

export function isMandarinSyllable(toneless: string): boolean {
  return mandarinSyllables.has(toneless.toLowerCase().replace(/ü/g, 'v'));
}

export type CmuProblem = 'unknown' | 'stress' | undefined;

/** Checks one ARPAbet phoneme such as `EH1` or `DH`. */
export function cmuProblem(phoneme: string): CmuProblem {
  const last = phoneme.charCodeAt(phoneme.length - 1);
  const hasDigit = last >= 48 && last <= 57;
  const symbol = hasDigit ? phoneme.slice(0, -1) : phoneme;
  if (arpabetVowels.has(symbol)) return hasDigit && last <= 50 ? undefined : 'stress';
  if (arpabetConsonants.has(symbol)) return hasDigit ? 'stress' : undefined;
  return 'unknown';
}

/**
 * Where the Chinese character at `at` ends (before `to`), or `at` when there is none: CJK ideographs
 * of the BMP blocks and, as whole surrogate pairs, of U+20000–U+3FFFF (extensions B–H).
 */
function hanziEnd(text: string, at: number, to: number): number {
  const c = text.charCodeAt(at);
  if ((c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) return at + 1;
  if (c >= 0xd840 && c <= 0xd87f && at + 1 < to) {
    const low = text.charCodeAt(at + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return at + 2;
  }
  return at;
}

/**
 * The length of the Chinese character at `text[i]` (see `hanziEnd`): 1 in the BMP, 2 for a surrogate
 * pair, 0 for any other character.
 */
export function hanziLength(text: string, i: number): 0 | 1 | 2 {
  return (hanziEnd(text, i, text.length) - i) as 0 | 1 | 2;
}

/** The Chinese characters of a text. */
export function hanziOf(text: string): string[] {
  const found: string[] = [];
  for (let at = 0; at < text.length; at++) {
    const end = hanziEnd(text, at, text.length);
    if (end > at) {
      found.push(text.slice(at, end));
      at = end - 1;
    }
  }
  return found;
}

/** Counts the Chinese characters of `text[from, to)`, a supplementary one once, in place. */
export function countHanzi(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = from; at < to; at++) {
    const end = hanziEnd(text, at, to);
    if (end > at) {
      count++;
      at = end - 1;
    }
  }
  return count;
}
