import type { CliCommand } from '../io';
import { lintCommand } from './lint';

/** Every subcommand of `metastudio`, in the order `--help` lists them. */
export const commands: readonly CliCommand[] = [lintCommand];
