/** Where several preview files go when one name is given (docs/decisions/cli-contract.md): OUT, then name-2.ext, name-3.ext… */
import { basename, dirname, extname, join } from 'node:path';

export function numberedOutputs(out: string, count: number): string[] {
  const ext = extname(out);
  const stem = basename(out, ext);
  return Array.from({ length: count }, (_, i) => (i === 0 ? out : join(dirname(out), `${stem}-${i + 1}${ext}`)));
}
