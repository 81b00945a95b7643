/** Query strings as the client sends them: RFC 3986 encoded, absent values left out. */
import { percentEncode } from './signer';

export type QueryValue = string | number | boolean | readonly string[] | undefined;

/**
 * Lists are sent comma-separated (the reference's convention), except for the keys in `repeated`,
 * which are sent once per value.
 */
export function queryString(query: Readonly<Record<string, QueryValue>>, repeated: readonly string[] = []): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? (repeated.includes(key) ? value : [value.join(',')]) : [String(value)];
    for (const v of values) pairs.push(`${percentEncode(key)}=${percentEncode(v)}`);
  }
  return pairs.length ? `?${pairs.join('&')}` : '';
}
