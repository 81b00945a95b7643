/**
 * Run by memory.test.ts in a process of its own: uploads one file to the sandbox whose URL and
 * credentials it is given, and prints its resident memory before the upload and at its peak.
 */
import { MetaStudioClient } from '../../../src/core/cloud/client';
import { createUndiciTransport } from '../../../src/core/cloud/undiciTransport';
import { uploadAsset } from '../../../src/core/upload/uploadAsset';

async function main(): Promise<void> {
  const { SANDBOX_URL, PROJECT, AK, SK, FILE } = process.env as Record<string, string>;
  const transport = createUndiciTransport({});
  const client = new MetaStudioClient({ endpoint: SANDBOX_URL, projectId: PROJECT, credentials: { kind: 'aksk', ak: AK, sk: SK }, fetch: transport.fetch });
  await client.listAssets({ limit: 1 }); // loads and warms everything the upload uses
  global.gc?.();
  const idleRss = process.memoryUsage().rss;
  const started = Date.now();
  let uploadStarted = 0;
  const asset = await uploadAsset(client, FILE, {}, {
    onProgress: (p) => { if (p.phase === 'uploading' && uploadStarted === 0) uploadStarted = Date.now(); },
  });
  const ended = Date.now();
  await transport.close();
  // maxRSS is in kilobytes.
  process.stdout.write(JSON.stringify({
    assetId: asset.assetId, idleRss, maxRss: process.resourceUsage().maxRSS * 1024, totalMs: ended - started, uploadMs: ended - uploadStarted,
  }));
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
