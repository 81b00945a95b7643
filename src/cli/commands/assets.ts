import type { AssetSource, DigitalAssetInfo } from '../../core/cloud/types';
import { displayText } from '../../core/text/displayText';
import { collectPages } from '../../core/cloud/paging';
import { integerOption, outputFormat, parseCommandArgs } from '../args';
import { connectionOptions, connectionUsage, withClient } from '../connection';
import { ExitCode, UsageError } from '../exitCodes';
import type { CliCommand } from '../io';
import { printResult } from '../output';

const DEFAULT_LIMIT = 1000;
const SOURCES: readonly AssetSource[] = ['SYSTEM', 'CUSTOMIZATION', 'ALL'];

const usage = `Usage: metastudio assets list [--type T] [--name N] [--source SYSTEM|CUSTOMIZATION|ALL]
                              [--limit N] [--format text|json] [connection options]

Lists MetaStudio assets, following pages up to --limit.

Options:
  --type T        asset type(s), comma-separated: VOICE_MODEL, HUMAN_MODEL_2D, IMAGE, VIDEO, MUSIC, …
  --name N        assets whose name contains N
  --source S      SYSTEM, CUSTOMIZATION (your own; the API's default) or ALL
  --limit N       at most N assets (default ${DEFAULT_LIMIT})
  --format F      text: an aligned table (default); json: one array of the API's asset objects

${connectionUsage}

Exit codes: 0 ok; 1 API or network error; 2 usage error; 3 no credentials.`;

function table(assets: readonly DigitalAssetInfo[]): string[] {
  const cells = (a: DigitalAssetInfo) => [a.asset_id, a.asset_type, a.asset_state ?? '', a.asset_name].map((cell) => displayText(cell));
  const rows = [['ASSET ID', 'TYPE', 'STATE', 'NAME'], ...assets.map(cells)];
  // A loop, not Math.max(...column): a list of 200,000 assets would overflow the stack as arguments.
  const widths = [0, 1, 2].map((col) => rows.reduce((width, r) => Math.max(width, r[col].length), 0));
  return rows.map((r) => [...widths.map((w, col) => r[col].padEnd(w)), r[3]].join('  ').trimEnd());
}

export const assetsCommand: CliCommand = {
  name: 'assets',
  summary: 'list MetaStudio assets (voices, avatars, backgrounds, music…)',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      ...connectionOptions,
      type: { type: 'string' },
      name: { type: 'string' },
      source: { type: 'string' },
      limit: { type: 'string' },
    });
    if (positionals.length !== 1 || positionals[0] !== 'list') throw new UsageError('expected: assets list');
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
  },
};
