/**
 * The CLI's language: English, or Chinese (zh-cn) with `--lang zh-cn` or a Chinese POSIX locale
 * (`LC_ALL`, else `LC_MESSAGES`, else `LANG`, e.g. `zh_CN.UTF-8`). The zh-cn bundle is bundled into
 * dist/cli.js, so the packaged CLI needs no file beside it; the core's `@vscode/l10n` reads it.
 */
import * as l10n from '@vscode/l10n';
import zhCn from '../../l10n/bundle.l10n.zh-cn.json';

export const cliLocales = ['en', 'zh-cn'] as const;
export type CliLocale = (typeof cliLocales)[number];

/** Simplified Chinese: zh, zh_CN, zh-CN, zh_SG, zh_Hans…, with or without `.UTF-8`. */
const simplifiedChinese = /^zh(?:[_-](?:cn|sg|hans)\b|(?=$|[.@]))/i;

/** The locale a `--lang` value or a POSIX locale name stands for, if the CLI has it. */
function knownLocale(name: string): CliLocale | undefined {
  if (simplifiedChinese.test(name)) return 'zh-cn';
  return /^en(?:$|[_.@-])/i.test(name) ? 'en' : undefined;
}

/**
 * Takes the global `--lang LOCALE` (or `--lang=LOCALE`) out of `argv` and returns the CLI's locale
 * with the remaining arguments. Without it, or with a locale the CLI does not know (returned as
 * `unknown`), the environment's POSIX locale decides.
 */
export function cliLocale(argv: readonly string[], env: NodeJS.ProcessEnv): { locale: CliLocale; rest: string[]; unknown?: string } {
  const rest: string[] = [];
  let given: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      // A loop, not push(...): a shell glob after `--` may give more arguments than a call takes.
      for (let j = i; j < argv.length; j++) rest.push(argv[j]);
      break;
    }
    if (arg === '--lang') given = argv[++i] ?? '';
    else if (arg.startsWith('--lang=')) given = arg.slice('--lang='.length);
    else rest.push(arg);
  }
  const chosen = given === undefined ? undefined : knownLocale(given);
  if (chosen) return { locale: chosen, rest };
  const locale = knownLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG || '') ?? 'en';
  return given === undefined ? { locale, rest } : { locale, rest, unknown: given };
}

/** Makes `l10n.t` (the CLI's and the core's) answer in `locale`. */
export function useLocale(locale: CliLocale): void {
  l10n.config({ contents: locale === 'zh-cn' ? zhCn : {} });
}
