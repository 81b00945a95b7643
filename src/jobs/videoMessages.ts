/**
 * The messages between the video player webview (webview/video/main.ts) and the extension
 * (videoPlayer.ts): the one definition both sides import.
 */
import type { MediaStrings } from '../webviews/page';

export type FromVideoWebview =
  /** What its `<video>` did, for the log and the tests. `duration` in seconds, 0 while unknown. */
  | { readonly type: 'video'; readonly event: string; readonly duration: number }
  /** Download Video…: the extension asks where to save it. */
  | { readonly type: 'download' };

export type ToVideoWebview =
  /** The Download Video dialog closed, saved or cancelled: the keyboard focus goes back to the button. */
  { readonly type: 'downloadDialogClosed' };

export function isFromVideoWebview(message: unknown): message is FromVideoWebview {
  const m = message as Record<string, unknown> | null | undefined;
  if (typeof m !== 'object' || m === null) return false;
  if (m.type === 'download') return true;
  return m.type === 'video' && typeof m.event === 'string' && typeof m.duration === 'number';
}

/** The video player's words, localized by the extension and handed over in the page. */
export interface VideoStrings extends MediaStrings {
  readonly mute: string;
  readonly unmute: string;
  readonly cannotPlay: string;
  readonly ended: string;
}
