import { mkdir, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import * as l10n from '@vscode/l10n';
import { LineIndex } from '../../core/diagnostics';
import { writeFileAtomically } from '../../core/files/atomicWrite';
import { layoutOfTree, type Layout } from '../../core/layout/model';
import { GENERATOR_MARK, type SvgOptions } from '../../core/layout/svg';
import { contactSheetHtml, storyboardFilePattern, storyboardSheets } from '../../core/layout/storyboard';
import { kindOfFile, scriptKinds } from '../../core/scripts/kinds';
import { scriptDuration } from '../../core/scripts/durations';
import { parseScript } from '../../core/scripts/parse';
import { analyzeScript } from '../../core/scripts/validate';
import type { MetaStudioClient } from '../../core/cloud/client';
import { createUndiciTransport } from '../../core/cloud/undiciTransport';
import { dataUri, frameSources, ImageResolver, imageOption, sourceKey } from '../../core/layout/images';
import { outputFormat, parseCommandArgs } from '../args';
import { connectionOptions, connectionUsage, withClient } from '../connection';
import { ExitCode, UsageError } from '../exitCodes';
import type { CliCommand, CliIo } from '../io';
import { cliLocale } from '../locale';
import { fail, printResult, report } from '../output';

/** The files a storyboard draws: a rule library has no shots. */
const drawnFilePatterns = `*${scriptKinds.video.suffix}, *${scriptKinds.live.suffix}`;

const usage = () => l10n.t(`Usage: metastudio storyboard FILE [--out DIR] [--online] [--format text|json]

Draws every shot of a video script (every scene of a live room) as an SVG of its layout:
shot-01.svg, shot-02.svg… (scene-01.svg… for a live room) and an index.html contact sheet that
shows them in order with each text's first words, estimated spoken duration and problem count.
Offline, images are drawn as labelled placeholders. The SVG is documented in docs/layout.md.

Options:
  --out DIR           where to write (default: a folder beside FILE named after it, e.g.
                      launch.video.json → launch.video-storyboard); files of other names there stay
  --online            draw the pictures of the assets and image links the script names (avatar
                      covers, backgrounds, image and video layers), fetched through the connection
                      and embedded in the SVGs; one that cannot be had stays a placeholder (said on
                      stderr)
  --format text|json  text: the path of each file written (default); json: {"out", "files"}

{0}

Exit codes: 0 written; 1 FILE is not a script ({1}); 2 usage error or missing FILE; 3 no
credentials (with --online).`, connectionUsage(), drawnFilePatterns);

/** `launch.video.json` → `launch.video-storyboard`, beside it. */
function defaultOut(file: string): string {
  return join(dirname(file), `${basename(file).replace(/\.json$/i, '')}-storyboard`);
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}

/** Whether a file starts as the storyboard writes its drawings (a user's file of the same name does not). */
async function isOurs(path: string): Promise<boolean> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (!handle) return false;
  try {
    const head = Buffer.alloc(512);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead).toString('utf8').includes(GENERATOR_MARK);
  } finally {
    await handle.close();
  }
}

/** The storyboard's own drawings in `out` that this run does not write (a shorter script's leftovers). */
async function leftovers(out: string, written: ReadonlySet<string>): Promise<string[]> {
  const names = (await readdir(out).catch(() => [] as string[])).filter((name) => storyboardFilePattern.test(name) && !written.has(name));
  const ours = await Promise.all(names.map((name) => isOurs(join(out, name))));
  return names.filter((_, i) => ours[i]);
}

export const storyboardCommand: CliCommand = {
  name: 'storyboard',
  get summary() { return l10n.t('draw every shot\'s layout as SVG, with an index.html contact sheet'); },
  get usage() { return usage(); },
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { out: { type: 'string' }, online: { type: 'boolean', default: false }, ...connectionOptions });
    const format = outputFormat(values.format);
    if (positionals.length !== 1) throw new UsageError(l10n.t('storyboard takes one script file'));
    const file = resolve(io.cwd, positionals[0]);
    if (!(await isFile(file))) throw new UsageError(l10n.t('no such file: {0}', positionals[0]));
    const shown = positionals[0];
    const kind = kindOfFile(file);
    if (kind !== 'video' && kind !== 'live') return fail(io, 'storyboard', l10n.t('{0}:1:1: not a script file ({1})', shown, drawnFilePatterns));
    const text = await readFile(file, 'utf8');
    const { root } = parseScript(text);
    const { diagnostics, shots } = analyzeScript(text, kind);
    const syntax = diagnostics.find((d) => d.code === 'script/json-syntax');
    if (syntax || root?.type !== 'object') {
      const at = new LineIndex(text).positionAt(syntax?.start ?? root?.offset ?? 0);
      const why = syntax?.message ?? l10n.t('A script is one JSON object.');
      return fail(io, 'storyboard', l10n.t('{0}:{1}:{2}: not a script: {3}', shown, at.line + 1, at.character + 1, why));
    }
    const layout = layoutOfTree(root, kind);
    const write = async (image?: SvgOptions['image']) => {
      const sheets = storyboardSheets(layout, diagnostics, scriptDuration(shots).shots, { image });
      const out = values.out === undefined ? defaultOut(file) : resolve(io.cwd, values.out);
      await mkdir(out, { recursive: true });
      const files = [...sheets.map((s) => ({ name: s.file, content: s.svg })), { name: 'index.html', content: contactSheetHtml(basename(file), cliLocale([], io.env).locale, layout, sheets) }];
      for (const { name, content } of files) await writeFileAtomically(join(out, name), content);
      for (const name of await leftovers(out, new Set(files.map((f) => f.name)))) await rm(join(out, name), { force: true });
      const paths = files.map(({ name }) => relative(io.cwd, join(out, name)) || name);
      printResult(io, format, { out: relative(io.cwd, out) || '.', files: paths }, () => paths);
      return ExitCode.Ok;
    };
    if (!values.online) return write();
    return withClient('storyboard', values, io, async (client) => write(await embeddedImages(client, layout, io)));
  },
};

/** The `image` option that embeds each picture the layout draws as a data: URI (an SVG shown by `<img>` loads no other file). */
async function embeddedImages(client: MetaStudioClient, layout: Layout, io: CliIo): Promise<SvgOptions['image']> {
  const transport = createUndiciTransport(io.env);
  const uris = new Map<string, string>();
  try {
    const resolver = new ImageResolver({
      getAsset: (assetId, options) => client.getAsset(assetId, options),
      fetch: transport.fetch,
      logger: { warn: (message) => report(io, 'storyboard', message) },
    });
    await resolver.resolveAll(frameSources(layout.frames), (source, image) => uris.set(sourceKey(source)!, dataUri(image)));
  } finally {
    await transport.close();
  }
  return imageOption((key) => uris.get(key));
}
