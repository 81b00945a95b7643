/** Where an SSML text lives: decides which tags take effect (docs/decisions/ssml-context.md). */
export type SsmlWhere = 'video' | 'live' | 'standalone' | 'preview';

/** A voice asset's `voice_capability` (assets reference), as far as the SSML linter needs it. */
export interface VoiceCapability {
  readonly is_support_break_time?: boolean;
  readonly is_support_break_strength?: boolean;
  readonly is_support_phoneme?: boolean;
  readonly is_support_phoneme_en?: boolean;
  readonly is_support_prosody?: boolean;
  readonly is_support_ssml_say_as?: boolean;
  readonly is_support_ssml_sub?: boolean;
}

export interface SsmlContext {
  readonly where: SsmlWhere;
  /** The capabilities of the voice in use, when known (docs/decisions/voice-capabilities.md). */
  readonly voice?: VoiceCapability;
  /** Shown in capability warnings, e.g. the voice's name or ID. */
  readonly voiceLabel?: string;
  /** The severity of `ssml/polyphone` (the setting `metastudio.polyphones`); undefined: polyphones are not marked. */
  readonly polyphones?: 'hint' | 'info';
}

/** What an entry completes; the adapter maps it to an editor's completion kind. */
export type CompletionKind = 'tag' | 'attribute' | 'value' | 'snippet' | 'pinyin';

/** A completion proposal of `ssmlCompletions`, editor-free. */
export interface CompletionEntry {
  readonly label: string;
  readonly kind: CompletionKind;
  /** The text that replaces `[start, end)`: VS Code snippet syntax when `isSnippet`. */
  readonly insertText: string;
  readonly isSnippet: boolean;
  /** A short line next to the label. */
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  /** The UTF-16 range of the document the entry replaces (also what the editor filters by). */
  readonly start: number;
  readonly end: number;
  /** Orders entries whose labels do not say the order (e.g. the in-context pinyin first). */
  readonly sortText?: string;
  /** The entry the editor should select first. */
  readonly preselect?: boolean;
}

/** Hover documentation of `ssmlHover`: markdown for the range under the pointer. */
export interface SsmlHover {
  readonly markdown: string;
  readonly start: number;
  readonly end: number;
}
