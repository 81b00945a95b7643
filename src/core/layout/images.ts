/**
 * The pictures of a layout (docs/layout.md, "Images"): each distinct source a frame draws (its
 * background, its IMAGE and VIDEO layers, its avatar) fetched once per session through a
 * connection. An asset ID is asked for once, and its preview is its COVER file (an IMAGE asset
 * without one: its MAIN file); a URL in the script is fetched as it is. Downloads are the
 * pre-signed kind (src/core/download): no credentials, the URL policy on every redirect, a size
 * cap and a time limit; only PNG, JPEG, WebP and GIF are kept (never SVG, which can carry script),
 * checked by the declared type and by the bytes. Nothing here throws: a source that cannot be
 * drawn stays a placeholder, and its failure is logged once.
 */
import * as l10n from '@vscode/l10n';
import type { CallOptions } from '../cloud/client';
import type { FetchLike } from '../cloud/transport';
import type { DigitalAssetInfo } from '../cloud/types';
import { downloadToMemory } from '../download/memory';
import { errorMessage } from '../errors';
import type { Frame } from './model';
import type { SvgOptions } from './svg';

/** What a frame asks to draw: a URL from the script, or an asset (which wins when both are given). */
export interface ImageSource {
  readonly url?: string;
  readonly assetId?: string;
}

export type ImageType = 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif';

export interface LayoutImage {
  readonly data: Buffer;
  readonly type: ImageType;
}

/** What a source is known by, the same for the layer that asks and the resolver that answers. */
export function sourceKey(source: ImageSource): string | undefined {
  if (source.assetId) return `asset:${source.assetId}`;
  if (source.url) return `url:${source.url}`;
  return undefined;
}

/** The distinct sources the given frames draw, in drawing order. */
export function frameSources(frames: Iterable<Frame>): ImageSource[] {
  const sources = new Map<string, ImageSource>();
  const add = (source: ImageSource) => {
    const key = sourceKey(source);
    if (key && !sources.has(key)) sources.set(key, source);
  };
  for (const frame of frames) {
    if (frame.background.kind === 'IMAGE') add({ url: frame.background.url, assetId: frame.background.assetId });
    if (frame.defaultAvatar) add({ assetId: frame.avatarAssetId });
    for (const layer of frame.layers) {
      if (layer.type === 'HUMAN') add({ assetId: layer.assetId ?? frame.avatarAssetId });
      else if (layer.type === 'IMAGE' || layer.type === 'VIDEO') add({ url: layer.imageUrl, assetId: layer.assetId });
    }
  }
  return [...sources.values()];
}

/** The file of an asset that shows it: its cover, else an image asset's own picture. */
export function previewUrlOf(asset: DigitalAssetInfo): string | undefined {
  const files = asset.files ?? [];
  const cover = files.find((f) => f.asset_file_category === 'COVER' && f.download_url);
  const main = asset.asset_type === 'IMAGE' ? files.find((f) => f.asset_file_category === 'MAIN' && f.download_url) : undefined;
  return (cover ?? main)?.download_url;
}

/** The image format the bytes are, by their signature; undefined for anything else. */
export function sniffImageType(data: Uint8Array): ImageType | undefined {
  const starts = (...bytes: number[]) => bytes.every((b, i) => data[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && data[8] === 0x57 && data[9] === 0x45 && data[10] === 0x42 && data[11] === 0x50) return 'image/webp';
  return undefined;
}

export function dataUri(image: LayoutImage): string {
  return `data:${image.type};base64,${image.data.toString('base64')}`;
}

/** The `image` option of `frameSvg` that draws what `href` has for a source's key (and placeholders for the rest). */
export function imageOption(href: (key: string) => string | undefined): NonNullable<SvgOptions['image']> {
  return (source) => {
    const key = sourceKey(source);
    return key === undefined ? undefined : href(key);
  };
}

export const DEFAULT_MAX_IMAGE_BYTES = 10 * 1024 * 1024;

export interface ImageResolverOptions {
  /** One asset's details (with its files' download links), through the connection. */
  readonly getAsset: (assetId: string, options: CallOptions) => Promise<DigitalAssetInfo>;
  /** The transport of the downloads (the global `fetch` by default); it never gets credentials. */
  readonly fetch?: FetchLike;
  /** Largest image kept; default 10 MB. */
  readonly maxBytes?: number;
  /** Longest one source may take, lookup and download; default 30 s. */
  readonly timeoutMs?: number;
  /** Sources fetched at once; default 4. */
  readonly concurrency?: number;
  /** How long a failure stands before the source is tried again; default 5 minutes. */
  readonly failureTtlMs?: number;
  readonly now?: () => number;
  readonly logger?: { warn(message: string): void };
}

type Outcome = { readonly image: LayoutImage } | { readonly failedAt: number };

/**
 * Fetches the images of sources for one connection, each at most once per session (a failure is
 * tried again after `failureTtlMs`), at most `concurrency` at a time. Make a new one for another
 * connection: an asset ID means nothing elsewhere.
 */
export class ImageResolver {
  private readonly outcomes = new Map<string, Outcome>();
  private readonly inFlight = new Map<string, Promise<LayoutImage | undefined>>();
  private readonly waiting: (() => void)[] = [];
  private running = 0;
  private readonly now: () => number;

  constructor(private readonly options: ImageResolverOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The image of a source if it has arrived; undefined while it loads, after a failure, or before it was asked for. */
  peek(source: ImageSource): LayoutImage | undefined {
    const key = sourceKey(source);
    const outcome = key === undefined ? undefined : this.outcomes.get(key);
    return outcome && 'image' in outcome ? outcome.image : undefined;
  }

  /** A source's image, fetched unless known; undefined when it cannot be had. Never rejects. */
  resolve(source: ImageSource): Promise<LayoutImage | undefined> {
    const key = sourceKey(source);
    if (key === undefined) return Promise.resolve(undefined);
    const outcome = this.outcomes.get(key);
    if (outcome && ('image' in outcome || this.now() - outcome.failedAt < (this.options.failureTtlMs ?? 5 * 60_000))) {
      return Promise.resolve('image' in outcome ? outcome.image : undefined);
    }
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.limited(() => this.fetchImage(source)).then(
        (image) => {
          this.outcomes.set(key, { image });
          return image;
        },
        (err: unknown) => {
          this.outcomes.set(key, { failedAt: this.now() });
          this.options.logger?.warn(l10n.t('no image for {0}: {1}', describe(source), errorMessage(err)));
          return undefined;
        },
      ).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  /** Every distinct source's image; `onImage` hears of each as it arrives (not of those known before). Never rejects. */
  async resolveAll(sources: readonly ImageSource[], onImage?: (source: ImageSource, image: LayoutImage) => void): Promise<void> {
    const distinct = new Map(sources.map((source) => [sourceKey(source), source] as const));
    distinct.delete(undefined);
    await Promise.all([...distinct.values()].map(async (source) => {
      const known = this.peek(source);
      const image = known ?? await this.resolve(source);
      if (image && !known) onImage?.(source, image);
    }));
  }

  private async limited<T>(work: () => Promise<T>): Promise<T> {
    while (this.running >= (this.options.concurrency ?? 4)) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  private async fetchImage(source: ImageSource): Promise<LayoutImage> {
    const signal = AbortSignal.timeout(this.options.timeoutMs ?? 30_000);
    let url = source.assetId ? undefined : source.url;
    if (source.assetId) {
      const asset = await this.options.getAsset(source.assetId, { signal });
      url = previewUrlOf(asset);
      if (!url) throw new Error(l10n.t('the asset has no cover image'));
    }
    const maxBytes = this.options.maxBytes ?? DEFAULT_MAX_IMAGE_BYTES;
    const download = await downloadToMemory(url!, { maxBytes, signal, ...(this.options.fetch ? { fetch: this.options.fetch } : {}) });
    const declared = download.contentType?.split(';')[0].trim().toLowerCase().replace('image/jpg', 'image/jpeg');
    const type = sniffImageType(download.data);
    if (!type || declared !== type) {
      throw new Error(l10n.t('not a PNG, JPEG, WebP or GIF image (it came as {0})', declared || l10n.t('no type')));
    }
    return { data: download.data, type };
  }
}

function describe(source: ImageSource): string {
  if (source.assetId) return l10n.t('asset {0}', source.assetId);
  // A pre-signed URL carries its signature in the query: never log it.
  const url = source.url ?? '';
  const cut = url.search(/[?#]/);
  return (cut < 0 ? url : url.slice(0, cut)).slice(0, 200);
}
