/** Where the CLI keeps its previews (docs/decisions/cli-contract.md): `$XDG_CACHE_HOME/metastudio`, default `~/.cache/metastudio`. */
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

export function cliCacheFolder(env: NodeJS.ProcessEnv, home: string = homedir()): string {
  // The XDG spec ignores a relative value.
  const xdg = env.XDG_CACHE_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(home, '.cache'), 'metastudio', 'previews');
}
