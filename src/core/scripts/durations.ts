/**
 * How long each shot text of a script speaks, and the whole script (docs/duration.md): the estimate
 * from what the lint pass counted, or the real length of a cached preview of exactly that text and
 * voice, which then replaces it.
 */
import * as l10n from '@vscode/l10n';
import type { PreviewRequest } from '../preview/previewKey';
import { estimateSeconds, type Speech } from '../ssml/duration';
import { spokenLength } from './rules';
import type { ScriptText } from './texts';

/** A shot text and what it speaks, as the lint pass counted it. */
export interface ShotSpeech {
  readonly text: ScriptText;
  readonly speech: Speech;
}

export interface ShotDuration extends ShotSpeech {
  /** Characters without tags, as the production limits count them. */
  readonly characters: number;
  readonly estimatedSeconds: number;
  /** The audio length of a cached preview of exactly this text, voice and settings. */
  readonly measuredSeconds?: number;
  /** The measured length when there is one, else the estimate. */
  readonly seconds: number;
}

export interface ScriptDuration {
  readonly shots: readonly ShotDuration[];
  /** The shots' seconds added up, measured where measured. */
  readonly seconds: number;
  readonly characters: number;
  /** How many shots are measured. */
  readonly measured: number;
}

/** The durations of a script's shots; `measured` holds seconds by index into `shots`. */
export function scriptDuration(shots: readonly ShotSpeech[], measured: ReadonlyMap<number, number> = new Map()): ScriptDuration {
  const durations = shots.map((shot, i): ShotDuration => {
    const estimatedSeconds = estimateSeconds(shot.speech, shot.text.voice?.speed);
    const measuredSeconds = measured.get(i);
    const common = { ...shot, characters: spokenLength(shot.text.value), estimatedSeconds };
    return measuredSeconds === undefined ? { ...common, seconds: estimatedSeconds } : { ...common, measuredSeconds, seconds: measuredSeconds };
  });
  return {
    shots: durations,
    seconds: durations.reduce((sum, d) => sum + d.seconds, 0),
    characters: durations.reduce((sum, d) => sum + d.characters, 0),
    measured: durations.filter((d) => d.measuredSeconds !== undefined).length,
  };
}

/** What "Preview Voice" sends for a shot text, when the script names its voice: the key of its cached preview. */
export function previewRequestOf(text: ScriptText): PreviewRequest | undefined {
  const voice = text.voice;
  if (!voice?.voiceAssetId) return undefined;
  return { text: text.value, voiceAssetId: voice.voiceAssetId, speed: voice.speed, pitch: voice.pitch, volume: voice.volume };
}

/** Where a shot is, e.g. `shoot_scripts[3]` or `scene_scripts[0].shoot_scripts[2]`. */
export function shotLabel(text: ScriptText): string {
  const end = text.path.indexOf('text_config');
  return text.path.slice(0, end < 0 ? undefined : end).filter((s) => s !== 'shoot_script')
    .map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').replace(/^\./, '');
}

/** A duration for people: `12.5 s`, `3 min 5 s`, `1 h 2 min`. */
export function formatSeconds(seconds: number): string {
  if (seconds < 59.95) return l10n.t('{0} s', seconds.toFixed(1));
  const whole = Math.round(seconds);
  if (whole < 3600) return l10n.t('{0} min {1} s', Math.floor(whole / 60), whole % 60);
  return l10n.t('{0} h {1} min', Math.floor(whole / 3600), Math.floor((whole % 3600) / 60));
}
