import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { CallOptions } from '../../../src/core/cloud/client';
import { dataUri, frameSources, ImageResolver, imageOption, sniffImageType, sourceKey, type ImageResolverOptions } from '../../../src/core/layout/images';
import { layoutOf } from '../../../src/core/layout/model';
import { frameSvg } from '../../../src/core/layout/svg';
import { startSandboxClient, type SandboxClient } from '../../support/sandboxClient';
import { videoScript } from './support';

describe('layout images (against the sandbox)', () => {
  let cloud: SandboxClient;
  let avatar: string;
  let images: string[];
  let video: string;
  let voice: string;

  before(async () => {
    cloud = await startSandboxClient();
    const client = cloud.client();
    const ids = async (asset_type: string) => (await client.listAssets({ asset_type, asset_source: 'SYSTEM', limit: 20 })).assets.map((a) => a.asset_id);
    [avatar] = await ids('HUMAN_MODEL_2D');
    images = await ids('IMAGE');
    [video] = await ids('VIDEO');
    [voice] = await ids('VOICE_MODEL');
  });
  beforeEach(() => cloud.sandbox.clearFaults());
  after(() => cloud.close());

  /** A resolver on the sandbox's client and transport; `calls` counts the asset lookups, `warnings` what it logged. */
  function resolver(options: Partial<ImageResolverOptions> = {}) {
    const client = cloud.client();
    const calls: string[] = [];
    const warnings: string[] = [];
    const images = new ImageResolver({
      getAsset: (id: string, o: CallOptions) => {
        calls.push(id);
        return client.getAsset(id, o);
      },
      fetch: cloud.transport.fetch,
      logger: { warn: (m) => warnings.push(m) },
      ...options,
    });
    return { images, calls, warnings };
  }

  /** A user's IMAGE asset whose MAIN file holds `bytes`, uploaded as the console does (create, PUT, confirm). */
  async function uploadedImage(bytes: Buffer, fileType: string): Promise<string> {
    const client = cloud.client();
    const { asset_id } = await client.createAsset({ asset_name: `upload ${fileType} ${bytes.length}`, asset_type: 'IMAGE' });
    const md5 = createHash('md5').update(bytes).digest('base64');
    const file = await client.createFile({ file_name: `picture.${fileType}`, file_md5: md5, file_size: bytes.length, file_type: fileType, asset_id, asset_file_category: 'MAIN' });
    const put = await fetch(file.upload_url, { method: 'PUT', headers: { 'Content-MD5': md5 }, body: new Uint8Array(bytes) });
    assert.equal(put.status, 200);
    await client.confirmFileUpload(file.file_id, 'CREATED');
    return asset_id;
  }

  it('collects each distinct source of the frames once: background, layers, the avatar of the script', () => {
    const layout = layoutOf(videoScript([
      {
        background_config: [{ background_type: 'IMAGE', background_asset_id: images[0], background_config: 'https://example.com/bg.png' }],
        layer_config: [
          { layer_type: 'HUMAN' },
          { layer_type: 'IMAGE', asset_id: images[1] },
          { layer_type: 'IMAGE', image_config: { image_url: 'https://example.com/logo.png' } },
          { layer_type: 'VIDEO', asset_id: video },
          { layer_type: 'TEXT', asset_id: 'not-a-picture' },
        ],
      },
      { layer_config: [{ layer_type: 'IMAGE', asset_id: images[1] }] },
      { background_config: [{ background_type: 'COLOR', background_color_config: '#102030' }] },
    ], { model_asset_id: avatar }), 'video');
    assert.deepEqual(frameSources(layout.frames).map(sourceKey), [
      `asset:${images[0]}`, `asset:${avatar}`, `asset:${images[1]}`, 'url:https://example.com/logo.png', `asset:${video}`,
    ]);
  });

  it('fetches an avatar\'s cover, an image and a video cover with one lookup per asset, and draws them', async () => {
    const { images: resolve, calls, warnings } = resolver();
    const sources = [{ assetId: avatar }, { assetId: images[0] }, { assetId: video }];
    const arrived: string[] = [];
    await Promise.all([
      resolve.resolveAll([...sources, ...sources], (source) => arrived.push(sourceKey(source)!)),
      resolve.resolve({ assetId: avatar }),
    ]);
    await resolve.resolveAll(sources);
    assert.deepEqual(warnings, []);
    assert.deepEqual(calls.sort(), [avatar, images[0], video].sort(), 'one lookup per distinct asset');
    assert.deepEqual(arrived.sort(), sources.map(sourceKey).sort(), 'each arrival told once');
    for (const source of sources) {
      const image = resolve.peek(source);
      assert.equal(image?.type, 'image/png');
      assert.equal(sniffImageType(image.data), 'image/png');
    }
    const layout = layoutOf(videoScript([{ layer_config: [{ layer_type: 'HUMAN', size: { width: 600, height: 900 } }, { layer_type: 'IMAGE', asset_id: 'unknown' }] }], { model_asset_id: avatar }), 'video');
    const svg = frameSvg(layout, layout.frames[0], { image: imageOption((key) => key === sourceKey({ assetId: avatar }) ? dataUri(resolve.peek({ assetId: avatar })!) : undefined) });
    assert.match(svg, /data-layer-type="HUMAN"[^>]*><rect[^>]*\/><image href="data:image\/png;base64,iVBORw0KGgo[^"]*"[^>]*preserveAspectRatio="xMidYMax meet"\/>/);
    assert.match(svg, /data-layer-type="IMAGE"[^>]*><rect[^>]*\/><text class="label"[^>]*>Image: unknown<\/text>/, 'the one without a picture stays a placeholder');
  });

  it('fetches at most `concurrency` sources at a time', async () => {
    const client = cloud.client();
    let running = 0;
    let most = 0;
    const resolve = new ImageResolver({
      concurrency: 2,
      fetch: cloud.transport.fetch,
      getAsset: async (id, o) => {
        most = Math.max(most, ++running);
        try {
          return await client.getAsset(id, o);
        } finally {
          running--;
        }
      },
    });
    await resolve.resolveAll(images.slice(0, 8).map((assetId) => ({ assetId })));
    assert.equal(most, 2);
    assert.ok(images.slice(0, 8).every((assetId) => resolve.peek({ assetId })));
  });

  it('refuses what is not a PNG, JPEG, WebP or GIF: an SVG, whatever its name, and bytes that lie about their type', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const asSvg = await uploadedImage(svg, 'svg');
    const disguised = await uploadedImage(svg, 'png');
    const { images: resolve, warnings } = resolver();
    assert.equal(await resolve.resolve({ assetId: asSvg }), undefined);
    assert.equal(await resolve.resolve({ assetId: disguised }), undefined);
    assert.equal(warnings.length, 2);
    assert.match(warnings[0], new RegExp(`^no image for asset ${asSvg}: not a PNG, JPEG, WebP or GIF image \\(it came as application/octet-stream\\)$`));
    assert.match(warnings[1], /not a PNG, JPEG, WebP or GIF image \(it came as image\/png\)$/);
  });

  it('refuses an image larger than its cap', async () => {
    const whole = await resolver().images.resolve({ assetId: images[2] });
    assert.ok(whole);
    const { images: resolve, warnings } = resolver({ maxBytes: whole.data.length - 1 });
    assert.equal(await resolve.resolve({ assetId: images[2] }), undefined);
    assert.match(warnings[0], /Refused the download: it is larger than/);
    assert.ok(await resolver({ maxBytes: whole.data.length }).images.resolve({ assetId: images[2] }));
  });

  it('leaves a source a placeholder when it fails, logs it once, and tries it again only after a while', async () => {
    let now = 1_000_000;
    const { images: resolve, calls, warnings } = resolver({ now: () => now, failureTtlMs: 60_000 });
    assert.equal(await resolve.resolve({ assetId: 'f'.repeat(32) }), undefined, 'an unknown asset');
    assert.equal(await resolve.resolve({ assetId: voice }), undefined, 'an asset without a cover');
    cloud.sandbox.injectFault({ kind: '500', pathPattern: '^/_sandbox/files/', count: 10 });
    assert.equal(await resolve.resolve({ assetId: images[3] }), undefined, 'a download that fails');
    assert.equal(await resolve.resolve({ url: 'http://example.com/plain-http.png' }), undefined, 'a link the download policy refuses');
    assert.equal(warnings.length, 4);
    assert.match(warnings[1], /the asset has no cover image/);
    assert.match(warnings[2], /HTTP 500/);
    assert.match(warnings[3], /^no image for http:\/\/example\.com\/plain-http\.png: Refused to download/);
    cloud.sandbox.clearFaults();
    await resolve.resolve({ assetId: images[3] });
    assert.equal(calls.filter((id) => id === images[3]).length, 1, 'not tried again at once');
    assert.equal(warnings.length, 4, 'and not logged again');
    now += 60_000;
    assert.ok(await resolve.resolve({ assetId: images[3] }), 'tried again after the failure time');
  });

  it('stops a source that takes too long', async () => {
    cloud.sandbox.injectFault({ kind: 'slow', delayMs: 3000, pathPattern: '^/_sandbox/files/' });
    const { images: resolve, warnings } = resolver({ timeoutMs: 300 });
    const started = Date.now();
    assert.equal(await resolve.resolve({ assetId: images[4] }), undefined);
    assert.ok(Date.now() - started < 2500);
    assert.equal(warnings.length, 1);
  });

  it('knows images by their bytes', () => {
    assert.equal(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0])), 'image/jpeg');
    assert.equal(sniffImageType(Buffer.from('GIF89a')), 'image/gif');
    assert.equal(sniffImageType(Buffer.from('RIFF\0\0\0\0WEBPVP8 ')), 'image/webp');
    assert.equal(sniffImageType(Buffer.from('RIFF\0\0\0\0WAVEfmt ')), undefined);
    assert.equal(sniffImageType(Buffer.from('<svg')), undefined);
    assert.equal(sniffImageType(Buffer.alloc(0)), undefined);
  });
});
