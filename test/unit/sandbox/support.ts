/**
 * Test helpers for the sandbox: requests signed by the OFFICIAL signer of
 * `@huaweicloud/huaweicloud-sdk-core`, sent with plain `fetch`, so the sandbox is proven against
 * Huawei's implementation rather than against our own.
 */
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../src/sandbox';

export const AK = 'SANDBOXTESTAK000001';
export const SK = 'sandbox-test-secret/0123+abc';
export const PROJECT = 'e9993fc787d94b6c886cbaa340f9c0f4';

export const api = (path: string, project = PROJECT) => `/v1/${project}${path}`;

export { FakeClock } from '../../support/fakeClock';

export function sdkDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

export interface CallOptions {
  readonly query?: Record<string, string | string[]>;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** The signing time (default: now). */
  readonly date?: number;
  readonly ak?: string;
  readonly sk?: string;
  /** Send no signature at all. */
  readonly unsigned?: boolean;
  /** Change the request after signing. */
  readonly tamper?: (request: { url: string; headers: Record<string, string>; body?: string }) => void;
}

export interface CallResult {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read response fields freely
  readonly json: any;
}

const encode = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function queryString(query: Record<string, string | string[]>): string {
  const pairs = Object.entries(query).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${encode(k)}=${encode(x)}`));
  return pairs.length ? `?${pairs.join('&')}` : '';
}

export async function call(base: { url: string }, method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
  const query = options.query ?? {};
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  let headers: Record<string, string> = { 'Content-Type': 'application/json', ...options.headers };
  if (!options.unsigned) {
    const ak = options.ak ?? AK;
    const sk = options.sk ?? SK;
    const signed = AKSKSigner.sign(
      {
        endpoint: `${base.url}${path}`,
        method,
        headers: { ...headers, 'X-Sdk-Date': sdkDate(options.date ?? Date.now()) },
        // The official signer sorts array values in place: give it copies.
        queryParams: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v])),
        data: options.body,
      },
      { getAk: () => ak, getSk: () => sk } as never,
    ) as Record<string, string>;
    const { host: _host, ...rest } = signed; // fetch sets Host itself, to the same value
    headers = rest;
  }
  const request = { url: `${base.url}${path}${queryString(query)}`, headers, body };
  options.tamper?.(request);
  const response = await fetch(request.url, { method, headers: request.headers, body: request.body });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** A sandbox accepting the test AK/SK pair. */
export async function withSandbox(options: Partial<SandboxOptions> = {}): Promise<Sandbox> {
  return startSandbox({ ak: AK, sk: SK, ...options });
}

/**
 * A sandbox for the tests of the enclosing `describe`, started before them with its usable assets
 * looked up (signed at `date()`, default now), closed after them.
 */
export function sandboxSuite(options: Partial<SandboxOptions> = {}, date?: () => number): { readonly sandbox: Sandbox; readonly assets: UsableAssets } {
  const suite = {} as { sandbox: Sandbox; assets: UsableAssets };
  before(async () => {
    suite.sandbox = await withSandbox(options);
    suite.assets = await usableAssets(suite.sandbox, date?.());
  });
  after(() => suite.sandbox?.close());
  return suite;
}

/** Polls `condition` every 10 ms until it holds or `timeoutMs` passes. */
export async function waitFor<T>(condition: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface UsableAssets {
  readonly modelId: string;
  readonly voiceId: string;
}

/** An ACTIVED 2D avatar and voice, found through the API. */
export async function usableAssets(base: { url: string }, date?: number): Promise<UsableAssets> {
  const first = async (type: string) => {
    const query = { asset_source: 'SYSTEM', asset_type: type, asset_state: 'ACTIVED', limit: '1' };
    const { json } = await call(base, 'GET', api('/digital-assets'), { query, date });
    return json.assets[0].asset_id as string;
  };
  return { modelId: await first('HUMAN_MODEL_2D'), voiceId: await first('VOICE_MODEL') };
}

/** A valid video script body. */
export function scriptBody(name: string, assets: UsableAssets, texts: string[] = ['大家好，欢迎来到直播间。']): Record<string, unknown> {
  return {
    script_name: name,
    model_asset_id: assets.modelId,
    voice_config: { voice_asset_id: assets.voiceId },
    video_config: { codec: 'H264', bitrate: 4000, width: 1920, height: 1080, frame_rate: '25', is_subtitle_enable: true },
    shoot_scripts: texts.map((text, i) => ({ sequence_no: i, shoot_script: { text_config: { text } } })),
  };
}
