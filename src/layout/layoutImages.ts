/**
 * The pictures the layout drawings show in a webview (docs/layout.md, "Images"): fetched by the
 * core's resolver through the active connection, kept under the extension's global storage by the
 * core's image store, and handed to `frameSvg` as the webview's own resource URIs (the folder must
 * be among the webview's `localResourceRoots`: `folder`). Signed out, untrusted or offline, every
 * source stays a placeholder; nothing here waits for the network or shows a message.
 */
import * as vscode from 'vscode';
import { errorMessage } from '../core/errors';
import { frameSources, ImageResolver, imageOption, sourceKey, type ImageSource } from '../core/layout/images';
import { ImageStore } from '../core/layout/imageStore';
import type { Frame } from '../core/layout/model';
import type { SvgOptions } from '../core/layout/svg';
import { log } from '../logging/log';
import type { Services } from '../services';

export class LayoutImages implements vscode.Disposable {
  /** Where the files are: a webview that shows them lists it in its `localResourceRoots`. */
  readonly folder: vscode.Uri;
  private readonly store: ImageStore;
  /** The active connection's resolver and the files of its sources so far. */
  private session: {
    readonly key: string;
    readonly resolver: ImageResolver;
    readonly files: Map<string, vscode.Uri>;
    /** Sources handed to the store: several draws may wait for the same arrival. */
    readonly storing: Set<string>;
  } | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** An image arrived, or the connection changed (signed out: the drawings go back to placeholders). */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(globalStorage: vscode.Uri, private readonly connections: Services['connections']) {
    this.folder = vscode.Uri.joinPath(globalStorage, 'layout-images');
    this.store = new ImageStore(this.folder.fsPath);
    this.subscriptions = [this.changed, connections.onDidChange(() => {
      this.session = undefined;
      this.changed.fire();
    })];
  }

  /**
   * The `image` option of `frameSvg` for frames shown in `webview`: the images that have arrived
   * (as its resource URIs), placeholders for the rest. Starts fetching the frames' other sources in
   * the background; `onDidChange` fires as each one arrives.
   */
  imageOption(webview: vscode.Webview, frames: Iterable<Frame>): NonNullable<SvgOptions['image']> {
    const session = this.session?.key === this.connections.activeKey() ? this.session : undefined;
    const sources = frameSources(frames);
    if (sources.some((source) => !session?.files.has(sourceKey(source)!))) void this.load(sources);
    const files = session?.files;
    return imageOption((key) => {
      const file = files?.get(key);
      return file && webview.asWebviewUri(file).toString();
    });
  }

  private async load(sources: readonly ImageSource[]): Promise<void> {
    const key = this.connections.activeKey();
    const client = await this.connections.tryClient();
    if (!client || !key || key !== this.connections.activeKey()) return;
    if (this.session?.key !== key) {
      this.session = {
        key,
        files: new Map(),
        storing: new Set(),
        resolver: new ImageResolver({
          getAsset: (assetId, options) => client.getAsset(assetId, options),
          logger: { warn: (message) => log().warn(`layout: ${message}`) },
        }),
      };
    }
    const session = this.session;
    await session.resolver.resolveAll(sources.filter((source) => !session.files.has(sourceKey(source)!)), (source, image) => {
      const sourceId = sourceKey(source)!;
      if (session.storing.has(sourceId)) return;
      session.storing.add(sourceId);
      void this.store.put(image).then((path) => {
        session.files.set(sourceId, vscode.Uri.file(path));
        if (this.session === session) this.changed.fire();
      }, (err: unknown) => log().warn(`layout: could not keep an image: ${errorMessage(err)}`));
    });
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }
}
