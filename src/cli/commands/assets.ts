import { resolve } from 'node:path';
import type { AssetSource, DigitalAssetInfo } from '../../core/cloud/types';
import { collectPages } from '../../core/cloud/paging';
import { UploadRefusedError } from '../../core/upload/errors';
import { isUploadableType, UPLOADABLE_TYPES } from '../../core/upload/media';
import { DEFAULT_WAIT_MS, prepareUpload, uploadPrepared, type PreparedUpload, type UploadedAsset } from '../../core/upload/uploadAsset';
import { integerOption, outputFormat, parseCommandArgs, timeoutOption } from '../args';
import { connectionOptions, connectionUsage, withClient } from '../connection';
import { ExitCode, UsageError } from '../exitCodes';
import type { CliCommand, CliIo, OutputFormat } from '../io';
import { fail, printResult, report } from '../output';

const DEFAULT_LIMIT = 1000;
const SOURCES: readonly AssetSource[] = ['SYSTEM', 'CUSTOMIZATION', 'ALL'];

const usage = `Usage: metastudio assets list [--type T] [--name N] [--source SYSTEM|CUSTOMIZATION|ALL]
                              [--limit N] [--format text|json] [connection options]
       metastudio assets upload FILE… [--type T] [--name N] [--description D] [--tag T]…
                              [--cover IMAGE] [--wait] [--timeout SECONDS] [--format text|json]
       metastudio assets delete ID [--force] [--format text|json]

list     Lists MetaStudio assets, following pages up to --limit.
upload   Uploads each FILE as an asset: jpg, jpeg, png as IMAGE; mp4 as VIDEO; mp3, wav as MUSIC
         (or AUDIO with --type AUDIO). Every file is checked before anything is sent; the files go
         one after the other, and the first that fails stops the rest (what it created is deleted).
delete   Moves an asset to the recycle bin, or deletes it for good with --force.

Options of list:
  --type T        asset type(s), comma-separated: VOICE_MODEL, HUMAN_MODEL_2D, IMAGE, VIDEO, MUSIC, …
  --name N        assets whose name contains N
  --source S      SYSTEM, CUSTOMIZATION (your own; the API's default) or ALL
  --limit N       at most N assets (default ${DEFAULT_LIMIT})
  --format F      text: an aligned table (default); json: one array of the API's asset objects

Options of upload:
  --type T        ${UPLOADABLE_TYPES.join(', ')} (default: by the file's extension)
  --name N        the asset's name (one FILE only; default: the file name without its extension)
  --description D, --tag T (repeatable)
  --cover IMAGE   a jpg or png cover of a VIDEO (one FILE only; default: MetaStudio makes one)
  --wait          wait until MetaStudio has reviewed each asset (ACTIVED, FAILED or BLOCK)
  --timeout S     how long to wait for each (default ${DEFAULT_WAIT_MS / 1000})
  --format F      text: one line per asset; json: [{"file","asset_id","asset_type","asset_name","state"}],
                  with "error" on the entry of a file that failed

Options of delete:
  --force         delete for good, not to the recycle bin
  --format F      json: {"asset_id","permanent"}

${connectionUsage}

Exit codes: 0 ok; 1 API, network or upload error, or an asset that failed review (FAILED, BLOCK);
2 usage error, a missing file or one MetaStudio does not take; 3 no credentials; 4 timed out waiting.`;

function table(assets: readonly DigitalAssetInfo[]): string[] {
  const rows = [['ASSET ID', 'TYPE', 'STATE', 'NAME'], ...assets.map((a) => [a.asset_id, a.asset_type, a.asset_state ?? '', a.asset_name])];
  const widths = [0, 1, 2].map((col) => Math.max(...rows.map((r) => r[col].length)));
  return rows.map((r) => [...widths.map((w, col) => r[col].padEnd(w)), r[3]].join('  ').trimEnd());
}

async function list(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...connectionOptions,
    type: { type: 'string' },
    name: { type: 'string' },
    source: { type: 'string' },
    limit: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`assets list takes no argument, not ${positionals[0]}`);
  const format = outputFormat(values.format);
  const limit = integerOption(values.limit, '--limit', 1) ?? DEFAULT_LIMIT;
  const source = values.source?.toUpperCase();
  if (source !== undefined && !SOURCES.includes(source as AssetSource)) {
    throw new UsageError(`--source must be one of ${SOURCES.join(', ')}, not ${values.source}`);
  }
  return withClient('assets', values, io, async (client) => {
    const assets = await collectPages(async (offset, pageLimit) => {
      const page = await client.listAssets({
        offset, limit: pageLimit, asset_type: values.type, name: values.name, asset_source: source as AssetSource | undefined,
      }, { signal: io.signal });
      return { count: page.count, items: page.assets };
    }, limit);
    printResult(io, format, assets, () => table(assets));
    io.stderr(`${assets.length} asset${assets.length === 1 ? '' : 's'}\n`);
    return ExitCode.Ok;
  });
}

interface UploadLine {
  readonly file: string;
  readonly asset_id: string | null;
  readonly asset_type?: string;
  readonly asset_name?: string;
  readonly state?: string;
  readonly error?: string;
}

/** Progress on stderr: a line per phase, and per tenth of the bytes sent. */
function progressReporter(io: CliIo, file: string): (p: { phase: string; bytes: number; totalBytes: number }) => void {
  let shown = '';
  return ({ phase, bytes, totalBytes }) => {
    const step = phase === 'uploading' ? `${phase} ${Math.floor((bytes / totalBytes) * 10) * 10}%` : phase;
    if (step === shown) return;
    shown = step;
    io.stderr(`upload ${file}: ${phase === 'uploading' ? `${step} of ${totalBytes} bytes` : `${step}…`}\n`);
  };
}

function uploadLines(lines: readonly UploadLine[]): string[] {
  return lines.map((l) => l.asset_id ? `${l.asset_id}  ${l.asset_type}  ${l.state}  ${l.file}` : `failed  ${l.file}: ${l.error}`);
}

async function upload(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...connectionOptions,
    type: { type: 'string' },
    name: { type: 'string' },
    description: { type: 'string' },
    tag: { type: 'string', multiple: true },
    cover: { type: 'string' },
    wait: { type: 'boolean', default: false },
    timeout: { type: 'string' },
  });
  const format: OutputFormat = outputFormat(values.format);
  if (positionals.length === 0) throw new UsageError('give at least one FILE to upload');
  const type = values.type?.toUpperCase();
  if (type !== undefined && !isUploadableType(type)) throw new UsageError(`--type must be one of ${UPLOADABLE_TYPES.join(', ')}, not ${values.type}`);
  if (positionals.length > 1 && (values.name !== undefined || values.cover !== undefined)) throw new UsageError('--name and --cover go with one FILE only');
  if (values.timeout !== undefined && !values.wait) throw new UsageError('--timeout goes with --wait');
  const timeoutMs = timeoutOption(values.timeout) ?? DEFAULT_WAIT_MS;

  const prepared: PreparedUpload[] = [];
  for (const file of positionals) {
    try {
      prepared.push(await prepareUpload(resolve(io.cwd, file), {
        ...(type ? { type: type as PreparedUpload['type'] } : {}),
        name: values.name, description: values.description, tags: values.tag,
        cover: values.cover === undefined ? undefined : resolve(io.cwd, values.cover),
      }));
    } catch (err) {
      if (err instanceof UploadRefusedError) return fail(io, 'assets', `${err.message} Nothing was uploaded.`, ExitCode.Usage);
      throw err;
    }
  }

  return withClient('assets', values, io, async (client) => {
    const lines: UploadLine[] = [];
    let failed = false;
    let timedOut = false;
    for (const [i, item] of prepared.entries()) {
      const file = positionals[i];
      let uploaded: UploadedAsset;
      try {
        uploaded = await uploadPrepared(client, item, { signal: io.signal, onProgress: progressReporter(io, file), ...(values.wait ? { wait: { timeoutMs } } : {}) });
      } catch (err) {
        if (err instanceof Error && err.name === 'AbortError' && io.signal.aborted) throw err;
        const message = err instanceof Error ? err.message : String(err);
        report(io, 'assets', `${file}: ${message}`);
        lines.push({ file, asset_id: null, error: message });
        failed = true;
        break;
      }
      lines.push({ file, asset_id: uploaded.assetId, asset_type: uploaded.type, asset_name: uploaded.name, state: uploaded.state });
      if (uploaded.timedOut) {
        report(io, 'assets', `${file}: asset ${uploaded.assetId} is still ${uploaded.state} after ${timeoutMs / 1000} s of waiting`);
        timedOut = true;
      } else if (values.wait && uploaded.state !== 'ACTIVED') {
        report(io, 'assets', `${file}: asset ${uploaded.assetId} is ${uploaded.state}${uploaded.details.reason ? `: ${uploaded.details.reason}` : ''}`);
        failed = true;
      }
    }
    printResult(io, format, lines, () => uploadLines(lines));
    return failed ? ExitCode.Failed : timedOut ? ExitCode.TimedOut : ExitCode.Ok;
  });
}

async function remove(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { ...connectionOptions, force: { type: 'boolean', default: false } });
  const format = outputFormat(values.format);
  if (positionals.length !== 1) throw new UsageError('give one asset ID to delete');
  const [assetId] = positionals;
  return withClient('assets', values, io, async (client) => {
    await client.deleteAsset(assetId, { force: values.force, signal: io.signal });
    printResult(io, format, { asset_id: assetId, permanent: values.force }, () => [
      values.force ? `deleted asset ${assetId} for good` : `moved asset ${assetId} to the recycle bin`,
    ]);
    return ExitCode.Ok;
  });
}

const SUBCOMMANDS: Readonly<Record<string, (args: string[], io: CliIo) => Promise<number>>> = { list, upload, delete: remove };

export const assetsCommand: CliCommand = {
  name: 'assets',
  summary: 'list, upload and delete MetaStudio assets (voices, avatars, backgrounds, music…)',
  usage,
  run(args, io) {
    const [subcommand, ...rest] = args;
    const run = subcommand === undefined ? undefined : SUBCOMMANDS[subcommand];
    if (!run || !Object.hasOwn(SUBCOMMANDS, subcommand)) throw new UsageError(`expected: assets ${Object.keys(SUBCOMMANDS).join('|')}`);
    return run(rest, io);
  },
};
