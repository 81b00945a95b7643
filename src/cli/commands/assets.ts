import { resolve } from 'node:path';
import * as l10n from '@vscode/l10n';
import { defaultFilter } from '../../core/assets/filters';
import { assetGroups } from '../../core/assets/groups';
import type { AssetSource, AssetType, DigitalAssetInfo } from '../../core/cloud/types';
import { displayText } from '../../core/text/displayText';
import { collectPages } from '../../core/cloud/paging';
import { errorMessage, isCancellation } from '../../core/errors';
import { UploadRefusedError } from '../../core/upload/errors';
import { isUploadableType, UPLOADABLE_TYPES } from '../../core/upload/media';
import { DEFAULT_WAIT_MS, prepareUpload, uploadPrepared, type PreparedUpload, type UploadedAsset } from '../../core/upload/uploadAsset';
import { integerOption, outputFormat, parseCommandArgs, timeoutOption } from '../args';
import { connectionOptions, connectionUsage, withClient } from '../connection';
import { ExitCode, UsageError } from '../exitCodes';
import type { CliCommand, CliIo, OutputFormat } from '../io';
import { fail, note, printResult, report } from '../output';

const DEFAULT_LIMIT = 1000;
const SOURCES: readonly AssetSource[] = ['SYSTEM', 'CUSTOMIZATION', 'ALL'];

/** What the Assets view lists: every type it groups, from every source. */
const TYPES: readonly AssetType[] = assetGroups.flatMap((g) => g.types);

const usage = () => l10n.t(`Usage: metastudio assets list [--type T] [--name N] [--source SYSTEM|CUSTOMIZATION|ALL]
                              [--limit N] [--format text|json] [connection options]
       metastudio assets upload FILE… [--type T] [--name N] [--description D] [--tag T]…
                              [--cover IMAGE] [--wait] [--timeout SECONDS] [--format text|json]
       metastudio assets delete ID [--force] [--format text|json]

list     Lists MetaStudio assets, following pages up to --limit. Every option is optional: by
         default the same assets as the Assets view (every type it shows, from all sources).
upload   Uploads each FILE as an asset: jpg, jpeg, png as IMAGE; mp4 as VIDEO; mp3, wav as MUSIC
         (or AUDIO with --type AUDIO). Every file is checked before anything is sent; the files go
         one after the other, and the first that fails stops the rest (what it created is deleted).
delete   Moves an asset to the recycle bin, or deletes it for good with --force.

Options of list:
  --type T        asset type(s), comma-separated: {0}
  --name N        assets whose name contains N
  --source S      SYSTEM, CUSTOMIZATION (your own) or ALL (default)
  --limit N       at most N assets (default {1})
  --format F      text: an aligned table (default); json: one array of the API's asset objects

Options of upload:
  --type T        {3} (default: by the file's extension)
  --name N        the asset's name (one FILE only; default: the file name without its extension)
  --description D, --tag T (repeatable)
  --cover IMAGE   a jpg or png cover of a VIDEO (one FILE only; default: MetaStudio makes one)
  --wait          wait until MetaStudio has reviewed each asset (ACTIVED, FAILED or BLOCK)
  --timeout S     how long to wait for each (default {4})
  --format F      text: one line per asset; json: [{"file","asset_id","asset_type","asset_name","state"}],
                  with "error" on the entry of a file that failed

Options of delete:
  --force         delete for good, not to the recycle bin
  --format F      json: {"asset_id","permanent"}

{2}

Exit codes: 0 ok; 1 API, network or upload error, or an asset that failed review (FAILED, BLOCK);
2 usage error, a missing file or one MetaStudio does not take; 3 no credentials; 4 timed out waiting.`,
TYPES.join(', '), DEFAULT_LIMIT, connectionUsage(), UPLOADABLE_TYPES.join(', '), DEFAULT_WAIT_MS / 1000);

/** `--type`'s values, upper-cased; a usage error naming the valid ones for any other. */
function typesOption(raw: string | undefined): readonly AssetType[] {
  if (raw === undefined) return TYPES;
  const given = raw.split(',').map((t) => t.trim()).filter(Boolean);
  const unknown = given.find((t) => !TYPES.includes(t.toUpperCase() as AssetType));
  if (unknown !== undefined || given.length === 0) {
    throw new UsageError(l10n.t('--type takes {0}, not "{1}"', TYPES.join(', '), unknown ?? raw));
  }
  return given.map((t) => t.toUpperCase() as AssetType);
}

function table(assets: readonly DigitalAssetInfo[]): string[] {
  const cells = (a: DigitalAssetInfo) => [a.asset_id, a.asset_type, a.asset_state ?? '', a.asset_name].map((cell) => displayText(cell));
  const rows = [[l10n.t('ASSET ID'), l10n.t('TYPE'), l10n.t('STATE'), l10n.t('NAME')], ...assets.map(cells)];
  // A loop, not Math.max(...column): a list of 200,000 assets would overflow the stack as arguments.
  const widths = [0, 1, 2].map((col) => rows.reduce((width, r) => Math.max(width, r[col].length), 0));
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
  if (positionals.length > 0) throw new UsageError(l10n.t('assets list takes no argument, not {0}', positionals[0]));
  const format = outputFormat(values.format);
  const limit = integerOption(values.limit, '--limit', 1) ?? DEFAULT_LIMIT;
  const source = (values.source?.toUpperCase() ?? defaultFilter.source) as AssetSource;
  if (!SOURCES.includes(source)) throw new UsageError(l10n.t('--source takes {0}, not "{1}"', SOURCES.join(', '), values.source ?? ''));
  const types = typesOption(values.type);
  return withClient('assets', values, io, async (client) => {
    const assets = await collectPages(async (offset, pageLimit) => {
      const page = await client.listAssets({
        offset, limit: pageLimit, asset_type: types.join(','), name: values.name, asset_source: source,
      }, { signal: io.signal });
      return { count: page.count, items: page.assets };
    }, limit);
    printResult(io, format, assets, () => table(assets));
    note(io, assets.length === 1 ? l10n.t('1 asset') : l10n.t('{0} assets', assets.length));
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
    const percent = Math.floor((bytes / totalBytes) * 10) * 10;
    const step = phase === 'uploading' ? `${phase} ${percent}` : phase;
    if (step === shown) return;
    shown = step;
    io.stderr(`${phase === 'uploading'
      ? l10n.t('upload {0}: uploading {1}% of {2} bytes', file, percent, totalBytes)
      : l10n.t('upload {0}: {1}…', file, phaseWords(phase))}\n`);
  };
}

function phaseWords(phase: string): string {
  switch (phase) {
    case 'hashing': return l10n.t('reading');
    case 'creating': return l10n.t('creating the asset');
    case 'confirming': return l10n.t('confirming');
    case 'waiting': return l10n.t('waiting for the review');
    default: return phase;
  }
}

function uploadLines(lines: readonly UploadLine[]): string[] {
  return lines.map((l) => l.asset_id ? `${l.asset_id}  ${l.asset_type}  ${l.state}  ${l.file}` : l10n.t('failed  {0}: {1}', l.file, l.error ?? ''));
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
  if (positionals.length === 0) throw new UsageError(l10n.t('give at least one FILE to upload'));
  const type = values.type?.toUpperCase();
  if (type !== undefined && !isUploadableType(type)) throw new UsageError(l10n.t('--type takes {0}, not "{1}"', UPLOADABLE_TYPES.join(', '), values.type ?? ''));
  if (positionals.length > 1 && (values.name !== undefined || values.cover !== undefined)) throw new UsageError(l10n.t('--name and --cover go with one FILE only'));
  if (values.timeout !== undefined && !values.wait) throw new UsageError(l10n.t('--timeout goes with --wait'));
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
      if (!(err instanceof UploadRefusedError)) throw err;
      return fail(io, 'assets', l10n.t('{0} Nothing was uploaded.', err.message), ExitCode.Usage);
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
        // A failed file still ends in the printed list, with what came before it.
        if (isCancellation(err)) throw err;
        const message = errorMessage(err);
        report(io, 'assets', `${file}: ${message}`);
        lines.push({ file, asset_id: null, error: message });
        failed = true;
        break;
      }
      lines.push({ file, asset_id: uploaded.assetId, asset_type: uploaded.type, asset_name: uploaded.name, state: uploaded.state });
      if (uploaded.timedOut) {
        report(io, 'assets', l10n.t('{0}: asset {1} is still {2} after {3} s of waiting', file, uploaded.assetId, uploaded.state, timeoutMs / 1000));
        timedOut = true;
      } else if (values.wait && uploaded.state !== 'ACTIVED') {
        const reason = uploaded.details.reason;
        report(io, 'assets', reason
          ? l10n.t('{0}: asset {1} is {2}: {3}', file, uploaded.assetId, uploaded.state, reason)
          : l10n.t('{0}: asset {1} is {2}', file, uploaded.assetId, uploaded.state));
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
  if (positionals.length !== 1) throw new UsageError(l10n.t('give one asset ID to delete'));
  const [assetId] = positionals;
  return withClient('assets', values, io, async (client) => {
    await client.deleteAsset(assetId, { force: values.force, signal: io.signal });
    printResult(io, format, { asset_id: assetId, permanent: values.force }, () => [
      values.force ? l10n.t('deleted asset {0} for good', assetId) : l10n.t('moved asset {0} to the recycle bin', assetId),
    ]);
    return ExitCode.Ok;
  });
}

const SUBCOMMANDS: Readonly<Record<string, (args: string[], io: CliIo) => Promise<number>>> = { list, upload, delete: remove };

export const assetsCommand: CliCommand = {
  name: 'assets',
  get summary() { return l10n.t('list, upload and delete MetaStudio assets (voices, avatars, backgrounds, music…)'); },
  get usage() { return usage(); },
  run(args, io) {
    const [subcommand, ...rest] = args;
    const run = subcommand !== undefined && Object.hasOwn(SUBCOMMANDS, subcommand) ? SUBCOMMANDS[subcommand] : undefined;
    if (!run) throw new UsageError(l10n.t('expected: assets {0}', Object.keys(SUBCOMMANDS).join('|')));
    return run(rest, io);
  },
};
