import type { CliCommand } from '../io';
import { assetsCommand } from './assets';
import { lintCommand } from './lint';

/** Every subcommand of `metastudio`, in the order `--help` lists them. */
export const commands: readonly CliCommand[] = [lintCommand, assetsCommand];
