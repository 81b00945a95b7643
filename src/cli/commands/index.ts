import type { CliCommand } from '../io';

/** Every subcommand of `metastudio`, in the order `--help` lists them. */
export const commands: readonly CliCommand[] = [];
