/** Where an SSML text lives: decides which tags take effect (DECISIONS.md 14). */
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
  /** The capabilities of the voice in use, when known (DECISIONS.md 15). */
  readonly voice?: VoiceCapability;
  /** Shown in capability warnings, e.g. the voice's name or ID. */
  readonly voiceLabel?: string;
}
