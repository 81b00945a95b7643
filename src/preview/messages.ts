/**
 * The messages between the preview player webview (webview/preview/main.ts) and the extension
 * (previewPanel.ts): the one definition both sides import. The webview sends `ready` first and
 * gets nothing before it.
 */
import { isVoiceSettingValue } from '../core/voiceSettings';
import type { MediaStrings } from '../webviews/page';

export interface VoiceSettings {
  readonly voiceAssetId: string;
  readonly speed: number;
  readonly pitch: number;
  readonly volume: number;
}

export interface VoiceOption {
  readonly id: string;
  readonly name: string;
  /** Previews with it are billed by a third-party provider. */
  readonly provider?: string;
}

/** One preview of this session, as the player shows it. */
export interface PlayerEntry {
  readonly id: string;
  /** What is spoken; shown as text, never as HTML. */
  readonly text: string;
  readonly voiceName: string;
  readonly settings: VoiceSettings;
  /** `asWebviewUri` addresses of the audio files, played one after the other. */
  readonly sources: readonly string[];
  readonly fromCache: boolean;
  /** A voice's own sample recording rather than a synthesis. */
  readonly sample: boolean;
}

export type ToWebview =
  /** Everything the player shows; sent after `ready` and whenever it changes. */
  | { readonly type: 'state'; readonly entries: readonly PlayerEntry[]; readonly currentId?: string; readonly voices: readonly VoiceOption[]; readonly autoplay: boolean }
  /** A synthesis asked for from the player is running, or ended (with an error to show, if any). */
  | { readonly type: 'busy'; readonly busy: boolean; readonly error?: string }
  /** The Save Audio As dialog closed, saved or cancelled: the keyboard focus goes back to Save. */
  | { readonly type: 'saveDialogClosed' };

export type FromWebview =
  | { readonly type: 'ready' }
  /** Synthesize the current entry's text again with these settings (through the cache). */
  | { readonly type: 'synthesize'; readonly entryId: string; readonly settings: VoiceSettings }
  | { readonly type: 'select'; readonly entryId: string }
  | { readonly type: 'saveAs'; readonly entryId: string }
  /** What the `<audio>` element did, for the log and the tests (unknown times are 0). */
  | { readonly type: 'audio'; readonly entryId: string; readonly event: AudioEvent; readonly currentTime: number; readonly duration: number };

export const AUDIO_EVENTS = ['loaded', 'playing', 'paused', 'ended', 'error'] as const;
export type AudioEvent = (typeof AUDIO_EVENTS)[number];

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function isSettings(v: unknown): v is VoiceSettings {
  const s = v as Partial<VoiceSettings> | null;
  return typeof s === 'object' && s !== null && isString(s.voiceAssetId)
    && isNumber(s.speed) && isVoiceSettingValue('speed', s.speed)
    && isNumber(s.pitch) && isVoiceSettingValue('pitch', s.pitch)
    && isNumber(s.volume) && isVoiceSettingValue('volume', s.volume);
}

/** The extension checks every message: a webview is not trusted to send what it should. */
export function isFromWebview(value: unknown): value is FromWebview {
  const m = value as Record<string, unknown> | null;
  if (typeof m !== 'object' || m === null) return false;
  switch (m.type) {
    case 'ready': return true;
    case 'synthesize': return isString(m.entryId) && isSettings(m.settings);
    case 'select':
    case 'saveAs': return isString(m.entryId);
    case 'audio': return isString(m.entryId) && (AUDIO_EVENTS as readonly unknown[]).includes(m.event) && isNumber(m.currentTime) && isNumber(m.duration);
    default: return false;
  }
}

/** The player's words, localized by the extension and handed over in the page. */
export interface PlayerStrings extends MediaStrings {
  /** `{0}` of `{1}`. */
  readonly part: string;
  readonly fromCache: string;
  readonly sample: string;
  /** Marks the session's entry the player holds. */
  readonly current: string;
  /** A session entry's button: play preview `{0}` (its number), `{1}` (the start of its text). */
  readonly replay: string;
  /** An entry's settings: speed `{0}`, pitch `{1}`, volume `{2}`. */
  readonly settings: string;
  readonly cannotPlay: string;
  /** Preview `{0}` is ready and plays. */
  readonly readyPlaying: string;
  /** Preview `{0}` is ready; the browser did not let it play by itself. */
  readonly readyPressPlay: string;
  readonly synthesizing: string;
  /** The player's settings differ from the preview's. */
  readonly stale: string;
  /** `{0}`: the error. */
  readonly failed: string;
  readonly speed: string;
  readonly pitch: string;
  readonly volume: string;
  /** `{0}` (a setting's name) must be a whole number from `{1}` to `{2}`. */
  readonly outOfRange: string;
  /** Why Synthesize is unavailable: `{0}`, the names of the settings to correct. */
  readonly correctToSynthesize: string;
  readonly chooseVoice: string;
}
