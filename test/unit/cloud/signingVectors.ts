/**
 * Known-answer vectors for `SDK-HMAC-SHA256`. The expected `Authorization` of each vector is computed
 * here by the official signer of `@huaweicloud/huaweicloud-sdk-core` (a test-only dependency), so
 * both our signer and the sandbox's verifier are checked against Huawei's own code, not against
 * themselves.
 */
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner';

export interface SigningVector {
  readonly name: string;
  readonly method: string;
  /** The URL as sent on the wire (query encoded as the client encodes it). */
  readonly url: string;
  /** Headers that are signed, besides `host` and `X-Sdk-Date`. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as sent (UTF-8), or '' for none. */
  readonly body: string;
  readonly ak: string;
  readonly sk: string;
  /** `X-Sdk-Date`. */
  readonly sdkDate: string;
  readonly date: Date;
  /** Expected `Authorization` header, from the official signer. */
  readonly authorization: string;
}

type Query = Record<string, string | string[]>;

interface VectorInput {
  readonly name: string;
  readonly method: string;
  readonly origin: string;
  readonly path: string;
  readonly query: Query;
  readonly headers: Record<string, string>;
  readonly body?: object;
}

const AK = 'HPUAEXAMPLEAK0000001';
const SK = 'exampleSecretKey/0123456789+abcdefghijKLMN';
const SDK_DATE = '20240416T095341Z';
const DATE = new Date(Date.UTC(2024, 3, 16, 9, 53, 41));
const PROJECT = 'e9993fc787d94b6c886cbaa340f9c0f4';

function wireQuery(query: Query): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const pairs = Object.entries(query).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${enc(k)}=${enc(x)}`));
  return pairs.length ? `?${pairs.join('&')}` : '';
}

function officialAuthorization(input: VectorInput): string {
  const headers = { ...input.headers, 'X-Sdk-Date': SDK_DATE };
  const signed = AKSKSigner.sign(
    {
      endpoint: `${input.origin}${input.path}`,
      method: input.method,
      headers,
      // The official signer sorts array values in place: give it copies.
      queryParams: Object.fromEntries(Object.entries(input.query).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v])),
      data: input.body,
    },
    { getAk: () => AK, getSk: () => SK } as never,
  ) as Record<string, string>;
  return signed.Authorization;
}

function vector(input: VectorInput): SigningVector {
  return {
    name: input.name,
    method: input.method,
    url: `${input.origin}${input.path}${wireQuery(input.query)}`,
    headers: input.headers,
    body: input.body === undefined ? '' : JSON.stringify(input.body),
    ak: AK,
    sk: SK,
    sdkDate: SDK_DATE,
    date: DATE,
    authorization: officialAuthorization(input),
  };
}

export const signingVectors: readonly SigningVector[] = [
  vector({
    name: 'GET with repeated and non-ASCII query parameters',
    method: 'GET',
    origin: 'https://metastudio.cn-north-4.myhuaweicloud.com',
    path: `/v1/${PROJECT}/digital-assets`,
    query: { limit: '10', asset_type: ['VOICE_MODEL', 'HUMAN_MODEL_2D'], name: '女声 主播~(1)*', tag: 'a+b=c&d', offset: '0' },
    headers: { 'Content-Type': 'application/json', 'X-Project-Id': PROJECT },
  }),
  vector({
    name: 'POST with a UTF-8 body on a non-default port',
    method: 'POST',
    origin: 'http://127.0.0.1:8443',
    path: `/v1/${PROJECT}/digital-human-video-scripts`,
    query: {},
    headers: { 'Content-Type': 'application/json', 'X-Project-Id': PROJECT },
    body: { script_name: '新品发布 — Ünïcödé 🎬', shoot_scripts: [{ shoot_script: { text_config: { text: '<speak>你好<break time="500ms"/></speak>' } } }] },
  }),
  vector({
    name: 'PUT with temporary AK/SK (security token signed)',
    method: 'PUT',
    origin: 'https://metastudio.cn-east-3.myhuaweicloud.com:8443',
    path: `/v1/${PROJECT}/smart-live-rooms/room-1`,
    query: { empty: '' },
    headers: { 'Content-Type': 'application/json', 'X-Project-Id': PROJECT, 'X-Security-Token': 'temporary-token/with+chars==' },
    body: { room_name: 'Live 直播间' },
  }),
  vector({
    name: 'DELETE without query or body',
    method: 'DELETE',
    origin: 'https://metastudio.cn-north-4.myhuaweicloud.com',
    path: `/v1/${PROJECT}/digital-human-video-scripts/26f06524-4f75-4b3a-a853-b649a21aaf66`,
    query: {},
    headers: { 'Content-Type': 'application/json', 'X-Project-Id': PROJECT },
  }),
];
