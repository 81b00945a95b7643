/** The one message the video player webview sends: what its `<video>` did. */
export interface VideoEventMessage {
  readonly type: 'video';
  readonly event: string;
  /** Seconds, 0 while unknown. */
  readonly duration: number;
}

export function isVideoEventMessage(message: unknown): message is VideoEventMessage {
  const m = message as Partial<VideoEventMessage> | null | undefined;
  return typeof m === 'object' && m !== null && m.type === 'video' && typeof m.event === 'string' && typeof m.duration === 'number';
}
