import * as l10n from '@vscode/l10n';
import { defaultFilter } from '../../core/assets/filters';
import { assetGroups } from '../../core/assets/groups';
import type { AssetSource, AssetType, DigitalAssetInfo } from '../../core/cloud/types';
import { collectPages } from '../../core/cloud/paging';
import { integerOption, outputFormat, parseCommandArgs } from '../args';
import { connectionOptions, connectionUsage, withClient } from '../connection';
import { ExitCode, UsageError } from '../exitCodes';
import type { CliCommand } from '../io';
import { printResult } from '../output';

const DEFAULT_LIMIT = 1000;
const SOURCES: readonly AssetSource[] = ['SYSTEM', 'CUSTOMIZATION', 'ALL'];

/** What the Assets view lists: every type it groups, from every source. */
const TYPES: readonly AssetType[] = assetGroups.flatMap((g) => g.types);

const usage = () => l10n.t(`Usage: metastudio assets list [--type T] [--name N] [--source SYSTEM|CUSTOMIZATION|ALL]
                              [--limit N] [--format text|json] [connection options]

Lists MetaStudio assets, following pages up to --limit. Every option is optional: by default the
same assets as the Assets view (every type it shows, from all sources).

Options:
  --type T        asset type(s), comma-separated: {0}
  --name N        assets whose name contains N
  --source S      SYSTEM, CUSTOMIZATION (your own) or ALL (default)
  --limit N       at most N assets (default {1})
  --format F      text: an aligned table (default); json: one array of the API's asset objects

{2}

Exit codes: 0 ok; 1 API or network error; 2 usage error; 3 no credentials.`, TYPES.join(', '), DEFAULT_LIMIT, connectionUsage());

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
  const rows = [[l10n.t('ASSET ID'), l10n.t('TYPE'), l10n.t('STATE'), l10n.t('NAME')], ...assets.map((a) => [a.asset_id, a.asset_type, a.asset_state ?? '', a.asset_name])];
  const widths = [0, 1, 2].map((col) => Math.max(...rows.map((r) => r[col].length)));
  return rows.map((r) => [...widths.map((w, col) => r[col].padEnd(w)), r[3]].join('  ').trimEnd());
}

export const assetsCommand: CliCommand = {
  name: 'assets',
  get summary() { return l10n.t('list MetaStudio assets (voices, avatars, backgrounds, music…)'); },
  get usage() { return usage(); },
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      ...connectionOptions,
      type: { type: 'string' },
      name: { type: 'string' },
      source: { type: 'string' },
      limit: { type: 'string' },
    });
    if (positionals.length !== 1 || positionals[0] !== 'list') throw new UsageError(l10n.t('expected: assets list'));
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
      io.stderr(`${assets.length === 1 ? l10n.t('1 asset') : l10n.t('{0} assets', assets.length)}\n`);
      return ExitCode.Ok;
    });
  },
};
