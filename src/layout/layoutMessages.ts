/** The messages between the layout view and the extension (imported by both sides). */

/** A layer as the view lists it: its box and what to call it. */
export interface LayerSummary {
  readonly pointer: string;
  readonly type: string;
  /** "Image 2 of 3: logo.png", in the user's language. */
  readonly name: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly rotation: number;
  readonly groupId?: string;
  readonly assumed: boolean;
}

export interface ViewStrings {
  readonly layerValue: string;
  readonly moved: string;
  readonly resized: string;
  readonly rotated: string;
  readonly selected: string;
  readonly noLayer: string;
  readonly noRotation: string;
}

/** Extension → view: a frame to show (its SVG is drawn by the core, its layers listed). */
export interface ShowMessage {
  readonly type: 'show';
  readonly version: number;
  readonly title: string;
  readonly svg: string;
  readonly canvas: { readonly width: number; readonly height: number };
  readonly layers: readonly LayerSummary[];
}

export interface EmptyMessage {
  readonly type: 'empty';
  readonly text: string;
}

export type ToViewMessage = ShowMessage | EmptyMessage;

export interface PlaceChange {
  readonly x?: number;
  readonly y?: number;
  readonly w?: number;
  readonly h?: number;
  readonly rotation?: number;
}

/** View → extension. */
export type FromViewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'rendered'; readonly version: number }
  | { readonly type: 'place'; readonly pointer: string; readonly change: PlaceChange }
  | { readonly type: 'applyToGroup'; readonly pointer: string }
  | { readonly type: 'restack'; readonly pointer: string; readonly direction: 'forward' | 'backward' };

const numberFields = ['x', 'y', 'w', 'h', 'rotation'] as const;

export function isFromViewMessage(value: unknown): value is FromViewMessage {
  const m = value as Record<string, unknown> | null;
  if (typeof m !== 'object' || m === null) return false;
  switch (m.type) {
    case 'ready': return true;
    case 'rendered': return typeof m.version === 'number';
    case 'place': {
      const change = m.change as Record<string, unknown> | null;
      return typeof m.pointer === 'string' && typeof change === 'object' && change !== null
        && numberFields.every((f) => change[f] === undefined || (typeof change[f] === 'number' && Number.isFinite(change[f])));
    }
    case 'applyToGroup': return typeof m.pointer === 'string';
    case 'restack': return typeof m.pointer === 'string' && (m.direction === 'forward' || m.direction === 'backward');
    default: return false;
  }
}
