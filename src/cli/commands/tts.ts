import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { MetaStudioClient } from '../../core/cloud/client';
import { assetName, billingProvider } from '../../core/assets/describe';
import { createUndiciTransport } from '../../core/cloud/undiciTransport';
import { cliCacheFolder } from '../../core/preview/cacheFolder';
import { DownloadError, downloadFetchOf } from '../../core/download/request';
import { numberedOutputs } from '../../core/preview/outputNames';
import { PreviewCache } from '../../core/preview/previewCache';
import { Previewer, PreviewTimeoutError, TtsJobFailedError, type PreviewProgress } from '../../core/preview/previewer';
import { lintSsml } from '../../core/ssml/lint';
import { LineIndex, type CoreDiagnostic } from '../../core/diagnostics';
import { readFileText } from '../../core/lint/fileText';
import { displayText } from '../../core/text/displayText';
import { integerOption, outputFormat, parseCommandArgs, timeoutOption } from '../args';
import { connectionOptions, connectionUsage, withClient } from '../connection';
import { ExitCode, UsageError } from '../exitCodes';
import type { CliCommand, CliIo } from '../io';
import { fail, printResult, problemLine } from '../output';

const usage = `Usage: metastudio tts TEXT|@FILE --voice ID [--speed N] [--pitch N] [--volume N] -o OUT

Synthesizes a TTS preview of TEXT (or of the file after @) with a voice asset and writes the audio
to OUT; several returned files go to OUT, then name-2.ext, name-3.ext… The text is sent as written.
A preview already made with the same text, voice, settings, endpoint and project is written from
the cache ($XDG_CACHE_HOME/metastudio, default ~/.cache/metastudio) without any request: previews
with third-party voices are billed.

Options:
  --voice ID          voice (timbre) asset ID (required)
  --speed N           50–200 (default 100)
  --pitch N           50–200 (default 100)
  --volume N          90–240 (default 140)
  -o, --output OUT    where to write the audio (required)
  --timeout SECONDS   give up waiting for the synthesis after this long (default 600; exit 4)
  --force             send the text although it has SSML errors
  --format text|json  json: {"files","cached","job_id"}

${connectionUsage}

Exit codes: 0 written; 1 SSML errors, a failed synthesis or download, or an API error; 2 usage error
or missing file; 3 no credentials; 4 timed out waiting.`;

/** The text to speak, and the problem of the file it came from (not UTF-8), if any. */
async function readText(arg: string, io: CliIo): Promise<{ text: string; problems: CoreDiagnostic[] }> {
  if (!arg.startsWith('@')) return { text: arg, problems: [] };
  const read = await readFileText(resolve(io.cwd, arg.slice(1)));
  if (!read.readable) throw new UsageError(`cannot read ${arg.slice(1)}: ${read.problem.message}`);
  return { text: read.text, problems: read.encodingProblem ? [read.encodingProblem] : [] };
}

function progressLine(p: PreviewProgress): string {
  switch (p.kind) {
    case 'creating': return 'tts: sending the text';
    case 'waiting': return `tts: job ${p.jobId} not ready (check ${p.checks})`;
    case 'downloading': return `tts: downloading file ${p.index} of ${p.count}`;
  }
}

/** One line on stderr when a synthesis with a third-party voice is about to be billed. */
async function noteBilling(client: MetaStudioClient, voiceId: string, io: CliIo): Promise<void> {
  try {
    const voice = await client.getAsset(voiceId, { signal: io.signal });
    const provider = billingProvider(voice);
    if (provider) io.stderr(`tts: "${assetName(voice)}" is a third-party voice (${displayText(provider)}): this synthesis is billed\n`);
  } catch {
    // The create call reports what is wrong with the voice.
  }
}

export const ttsCommand: CliCommand = {
  name: 'tts',
  summary: 'synthesize a TTS preview of a text or SSML to an audio file, through a local cache',
  usage,
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
    if (positionals.length !== 1) throw new UsageError('give one TEXT or @FILE');
    if (!values.voice) throw new UsageError('give the voice with --voice ID');
    if (!values.output) throw new UsageError('give the output file with -o OUT');
    const { text, problems } = await readText(positionals[0], io);
    const request = {
      text,
      voiceAssetId: values.voice,
      speed: integerOption(values.speed, '--speed', 50, 200),
      pitch: integerOption(values.pitch, '--pitch', 50, 200),
      volume: integerOption(values.volume, '--volume', 90, 240),
    };
    if (!request.text.trim()) throw new UsageError('the text is empty');
    const timeoutMs = timeoutOption(values.timeout);

    const errors = [...problems, ...lintSsml(request.text, { where: 'preview' })].filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      const lines = new LineIndex(request.text);
      const source = positionals[0].startsWith('@') ? positionals[0].slice(1) : 'text';
      for (const d of errors) io.stderr(`${problemLine(source, lines.positionAt(d.start), 'error', d.code, d.message)}\n`);
      if (!values.force) return fail(io, 'tts', 'the text has SSML errors; nothing was sent (--force sends it anyway)');
    }

    return withClient('tts', values, io, async (client, connection) => {
      const transport = createUndiciTransport(io.env);
      const previewer = new Previewer({
        cache: new PreviewCache(cliCacheFolder(io.env)),
        fetchFile: downloadFetchOf(transport.fetch),
        ...(timeoutMs ? { timeoutMs } : {}),
      });
      try {
        const result = await previewer.preview(client, connection, request, {
          signal: io.signal,
          onProgress: (p) => io.stderr(`${progressLine(p)}\n`),
          beforeSynthesis: () => noteBilling(client, request.voiceAssetId, io),
        });
        const outputs = numberedOutputs(resolve(io.cwd, values.output!), result.files.length);
        await mkdir(dirname(outputs[0]), { recursive: true });
        for (const [i, file] of result.files.entries()) await writeFile(outputs[i], await readFile(file));
        io.stderr(`tts: ${result.fromCache ? 'from the cache (no request)' : `synthesized (job ${result.jobId})`}, ${result.files.length} file(s), ${result.bytes} bytes\n`);
        printResult(io, format, { files: outputs, cached: result.fromCache, job_id: result.jobId ?? null }, () => outputs);
        return ExitCode.Ok;
      } catch (err) {
        if (err instanceof PreviewTimeoutError) return fail(io, 'tts', err.message, ExitCode.TimedOut);
        if (err instanceof TtsJobFailedError || err instanceof DownloadError) return fail(io, 'tts', err.message);
        throw err;
      } finally {
        await transport.close();
      }
    });
  },
};
