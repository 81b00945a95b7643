import type { CliCommand } from '../io';
import { assetsCommand } from './assets';
import { lintCommand } from './lint';
import { liveCommand } from './live';
import { pullCommand } from './pull';
import { pushCommand } from './push';
import { renderCommand } from './render';
import { sandboxCommand } from './sandbox';
import { statsCommand } from './stats';
import { storyboardCommand } from './storyboard';
import { ttsCommand } from './tts';

/** Every subcommand of `metastudio`, in the order `--help` lists them. */
export const commands: readonly CliCommand[] = [lintCommand, statsCommand, assetsCommand, pushCommand, pullCommand, renderCommand, liveCommand, storyboardCommand, sandboxCommand, ttsCommand];
