/** `npm run bench [name…]`: runs every bench/*.bench.ts (or those whose file name contains a name given) in this process and prints their reports. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = readdirSync(__dirname).filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((name) => f.includes(name)))).sort();
  for (const file of files) {
    const mod = (await import(join(__dirname, file))) as { run: () => Promise<string[]> | string[] };
    for (const line of await mod.run()) console.log(line);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
