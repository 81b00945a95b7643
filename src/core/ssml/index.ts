/** The editor-free MetaStudio SSML API: what adapters, the CLI and the script validator call. */
export { lintSsml } from './lint';
export { ssmlCompletions } from './completion';
export { ssmlHover } from './hover';
export { ssmlCodes, type SsmlCode } from './codes';
export { ssmlElements, type ElementSpec, type AttributeSpec } from './dialect';
export type { CompletionEntry, CompletionKind, SsmlContext, SsmlHover, SsmlWhere, VoiceCapability } from './types';
