/** The messages between the storyboard view and the extension (imported by both sides). */

/** One shot or scene of the storyboard: its thumbnail (drawn by the core) and what it says in words. */
export interface StoryboardItem {
  /** 0-based place among the script's shots or scenes. */
  readonly index: number;
  readonly svg: string;
  /** `Shot 3`. */
  readonly title: string;
  readonly excerpt: string;
  /** `≈ 8.0 s`; empty when the frame has no text to time. */
  readonly duration: string;
  /** `1 error, 2 warnings`, `no problems`. */
  readonly problems: string;
  readonly severity: 'error' | 'warning' | 'none';
  /** Its accessible name: `Shot 3 of 12: "Welcome to…", about 8 seconds, 1 error`. */
  readonly name: string;
}

/**
 * Extension → view: the storyboard as it is now. `items` holds only the frames that changed since the
 * last message (all of them after `ready`); the view keeps the others and drops those past `count`.
 */
export interface StoryboardShow {
  readonly type: 'show';
  readonly version: number;
  readonly heading: string;
  /** `12 shots · ≈ 3 min 12 s`. */
  readonly summary: string;
  readonly count: number;
  readonly items: readonly StoryboardItem[];
  /** Said once in the live region: only when the number of frames changed. */
  readonly announce?: string;
}

export interface StoryboardEmpty {
  readonly type: 'empty';
  readonly version: number;
  readonly heading: string;
  readonly text: string;
  readonly announce?: string;
}

export type ToStoryboardMessage = StoryboardShow | StoryboardEmpty;

/** View → extension: ready for messages; a message drawn (and how many items it shows); a frame chosen. */
export type FromStoryboardMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'rendered'; readonly version: number; readonly items: number }
  | { readonly type: 'reveal'; readonly index: number };

export function isFromStoryboardMessage(value: unknown): value is FromStoryboardMessage {
  const m = value as Record<string, unknown> | null;
  if (typeof m !== 'object' || m === null) return false;
  switch (m.type) {
    case 'ready': return true;
    case 'rendered': return typeof m.version === 'number' && typeof m.items === 'number';
    case 'reveal': return Number.isSafeInteger(m.index) && (m.index as number) >= 0;
    default: return false;
  }
}
