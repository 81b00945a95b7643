import * as l10n from '@vscode/l10n';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { MetaStudioClient } from '../../core/cloud/client';
import { assetName, billingProvider } from '../../core/assets/describe';
import { createUndiciTransport } from '../../core/cloud/undiciTransport';
import { cliCacheFolder } from '../../core/preview/cacheFolder';
import { numberedOutputs } from '../../core/preview/outputNames';
import { PreviewCache } from '../../core/preview/previewCache';
import { Previewer, type PreviewProgress } from '../../core/preview/previewer';
import { lintSsml } from '../../core/ssml/lint';
import { VOICE_SETTINGS, type VoiceSettingName } from '../../core/voiceSettings';
import { LineIndex, type CoreDiagnostic } from '../../core/diagnostics';
import { readFileText } from '../../core/lint/fileText';
import { integerOption, outputFormat, parseCommandArgs, timeoutOption } from '../args';
import { connectionOptions, connectionUsage, withClient } from '../connection';
import { ExitCode, UsageError } from '../exitCodes';
import type { CliCommand, CliIo } from '../io';
import { fail, note, printResult, problemLine } from '../output';

/** "50–200 (default 100)", for the usage. */
function rangeText(name: VoiceSettingName): string {
  const { min, max, default: value } = VOICE_SETTINGS[name];
  return l10n.t('{0}–{1} (default {2})', min, max, value);
}

const usage = () => l10n.t(`Usage: metastudio tts TEXT|@FILE --voice ID [--speed N] [--pitch N] [--volume N] -o OUT

Synthesizes a TTS preview of TEXT (or of the file after @) with a voice asset and writes the audio
to OUT; several returned files go to OUT, then name-2.ext, name-3.ext… The text is sent as written.
A preview already made with the same text, voice, settings, endpoint and project is written from
the cache ($XDG_CACHE_HOME/metastudio, default ~/.cache/metastudio) without any request: previews
with third-party voices are billed.

Options:
  --voice ID          voice (timbre) asset ID (required)
  --speed N           {0}
  --pitch N           {1}
  --volume N          {2}
  -o, --output OUT    where to write the audio (required)
  --timeout SECONDS   give up waiting for the synthesis after this long (default 600; exit 4)
  --force             send the text although it has SSML errors
  --format text|json  json: {"files","cached","job_id"}

{3}

Exit codes: 0 written; 1 SSML errors, a failed synthesis or download, or an API error; 2 usage error
or missing file; 3 no credentials; 4 timed out waiting.`, rangeText('speed'), rangeText('pitch'), rangeText('volume'), connectionUsage());

function voiceOption(value: string | undefined, name: VoiceSettingName): number | undefined {
  return integerOption(value, `--${name}`, VOICE_SETTINGS[name].min, VOICE_SETTINGS[name].max);
}

/** TEXT, or the text of the file after `@` and the problem of that file (not UTF-8), if any; a usage error when it cannot be read. */
export async function readTextArg(arg: string, io: CliIo): Promise<{ text: string; problems: CoreDiagnostic[] }> {
  if (!arg.startsWith('@')) return { text: arg, problems: [] };
  const read = await readFileText(resolve(io.cwd, arg.slice(1)));
  if (!read.readable) throw new UsageError(l10n.t('cannot read {0}: {1}', arg.slice(1), read.problem.message));
  return { text: read.text, problems: read.encodingProblem ? [read.encodingProblem] : [] };
}

/** The SSML errors of TEXT or @FILE on stderr, as compilers print them. */
export function printTextErrors(io: CliIo, arg: string, text: string, errors: readonly CoreDiagnostic[]): void {
  const lines = new LineIndex(text);
  const source = arg.startsWith('@') ? arg.slice(1) : l10n.t('text');
  for (const d of errors) note(io, problemLine(source, lines.positionAt(d.start), 'error', d.code, d.message));
}

function progressLine(p: PreviewProgress): string {
  switch (p.kind) {
    case 'creating': return l10n.t('tts: sending the text');
    case 'waiting': return l10n.t('tts: job {0} not ready (check {1})', p.jobId, p.checks);
    case 'downloading': return l10n.t('tts: downloading file {0} of {1}', p.index, p.count);
  }
}

/** One line on stderr when a synthesis with a third-party voice is about to be billed. */
async function noteBilling(client: MetaStudioClient, voiceId: string, io: CliIo): Promise<void> {
  try {
    const voice = await client.getAsset(voiceId, { signal: io.signal });
    const provider = billingProvider(voice);
    if (provider) note(io, l10n.t('tts: "{0}" is a third-party voice ({1}): this synthesis is billed', assetName(voice), provider));
  } catch {
    // The create call reports what is wrong with the voice.
  }
}

export const ttsCommand: CliCommand = {
  name: 'tts',
  get summary() { return l10n.t('synthesize a TTS preview of a text or SSML to an audio file, through a local cache'); },
  get usage() { return usage(); },
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      ...connectionOptions,
      voice: { type: 'string' },
      speed: { type: 'string' },
      pitch: { type: 'string' },
      volume: { type: 'string' },
      output: { type: 'string', short: 'o' },
      timeout: { type: 'string' },
      force: { type: 'boolean', default: false },
    });
    const format = outputFormat(values.format);
    if (positionals.length !== 1) throw new UsageError(l10n.t('give one TEXT or @FILE'));
    if (!values.voice) throw new UsageError(l10n.t('give the voice with --voice ID'));
    if (!values.output) throw new UsageError(l10n.t('give the output file with -o OUT'));
    const { text, problems } = await readTextArg(positionals[0], io);
    const request = {
      text,
      voiceAssetId: values.voice,
      speed: voiceOption(values.speed, 'speed'),
      pitch: voiceOption(values.pitch, 'pitch'),
      volume: voiceOption(values.volume, 'volume'),
    };
    if (!request.text.trim()) throw new UsageError(l10n.t('the text is empty'));
    const timeoutMs = timeoutOption(values.timeout);

    const errors = [...problems, ...lintSsml(request.text, { where: 'preview' })].filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      printTextErrors(io, positionals[0], request.text, errors);
      if (!values.force) return fail(io, 'tts', l10n.t('the text has SSML errors; nothing was sent (--force sends it anyway)'));
    }

    return withClient('tts', values, io, async (client, connection) => {
      const transport = createUndiciTransport(io.env);
      const previewer = new Previewer({
        cache: new PreviewCache(cliCacheFolder(io.env), { warn: (message) => note(io, `tts: ${message}`) }),
        fetchFile: transport.fetch,
        ...(timeoutMs ? { timeoutMs } : {}),
      });
      try {
        const result = await previewer.preview(client, connection, request, {
          signal: io.signal,
          onProgress: (p) => note(io, progressLine(p)),
          beforeSynthesis: () => noteBilling(client, request.voiceAssetId, io),
        });
        const outputs = numberedOutputs(resolve(io.cwd, values.output!), result.files.length);
        await mkdir(dirname(outputs[0]), { recursive: true });
        for (const [i, file] of result.files.entries()) await writeFile(outputs[i], await readFile(file));
        const how = result.fromCache ? l10n.t('from the cache (no request)') : l10n.t('synthesized (job {0})', result.jobId ?? '');
        note(io, l10n.t('tts: {0}, {1} file(s), {2} bytes', how, result.files.length, result.bytes));
        printResult(io, format, { files: outputs, cached: result.fromCache, job_id: result.jobId ?? null }, () => outputs);
        return ExitCode.Ok;
      } finally {
        await transport.close();
      }
    });
  },
};
