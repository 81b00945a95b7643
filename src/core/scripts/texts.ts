/**
 * The spoken texts of a script (`text_config.text` of every shot) with their ranges and the voice
 * that speaks them, and their SSML diagnostics mapped back into the JSON document
 * (docs/decisions/script-texts.md, docs/decisions/voice-capabilities.md).
 */
import type { Node } from 'jsonc-parser';
import { parseScript } from './parse';
import type { CoreDiagnostic, Fix, TextEdit } from '../diagnostics';
import { SpeechCounter, type Speech } from '../ssml/duration';
import { lintSsmlApart } from '../ssml/lint';
import { polyphoneAt, PolyphoneHints, type Polyphone } from '../ssml/polyphones';
import type { SsmlContext, VoiceCapability } from '../ssml/types';
import { decodeJsonString, encodeJsonStringContent, jsonStringMap, type JsonStringMap } from './jsonString';
import type { ScriptKind } from './kinds';
import { childValue, elements } from './tree';

/** The voice_config that speaks a text, as far as it is written in the script. */
export interface ScriptVoice {
  readonly voiceAssetId?: string;
  readonly speed?: number;
  readonly pitch?: number;
  readonly volume?: number;
}

export interface ScriptText {
  /** The decoded text. */
  readonly value: string;
  /** The string literal in the document, quotes included (UTF-16 offsets, end exclusive). */
  readonly start: number;
  readonly end: number;
  /** Where it is, e.g. `['shoot_scripts', 0, 'shoot_script', 'text_config', 'text']`. */
  readonly path: readonly (string | number)[];
  /** The nearest enclosing voice_config: a live scene's own, else the video script's. */
  readonly voice?: ScriptVoice;
}

export interface ScriptLintOptions {
  /** The capabilities of a voice asset when known (fetched and cached by the caller); undefined: no per-voice checks. */
  readonly voiceCapability?: (voiceAssetId: string) => VoiceCapability | undefined;
  /** The severity of `ssml/polyphone`; undefined: polyphones are not marked. */
  readonly polyphones?: SsmlContext['polyphones'];
}

export interface ScriptTextAt extends ScriptText {
  /** Offsets between the decoded text and the document. */
  readonly map: JsonStringMap;
  /** The decoded offset of the document offset asked about. */
  readonly decodedOffset: number;
}

/** The voice a `voice_config` object names, as far as it is written. */
export function voiceOf(config: Node | undefined): ScriptVoice | undefined {
  if (config?.type !== 'object') return undefined;
  const field = (name: string, type: 'string' | 'number') => {
    const node = childValue(config, name);
    return node?.type === type ? node.value : undefined;
  };
  return { voiceAssetId: field('voice_asset_id', 'string'), speed: field('speed', 'number'), pitch: field('pitch', 'number'), volume: field('volume', 'number') };
}


function textOf(shot: Node, shotPath: readonly (string | number)[], voice: ScriptVoice | undefined): ScriptText | undefined {
  const node = childValue(childValue(shot, 'text_config'), 'text');
  if (node?.type !== 'string') return undefined;
  return { value: node.value, start: node.offset, end: node.offset + node.length, path: [...shotPath, 'text_config', 'text'], voice };
}

/** The texts of a parsed script, in document order. */
export function collectTexts(root: Node | undefined, kind: ScriptKind): ScriptText[] {
  const texts: ScriptText[] = [];
  if (kind === 'video') {
    const voice = voiceOf(childValue(root, 'voice_config'));
    elements(childValue(root, 'shoot_scripts')).forEach((item, i) => {
      const shot = childValue(item, 'shoot_script');
      const text = shot && textOf(shot, ['shoot_scripts', i, 'shoot_script'], voice);
      if (text) texts.push(text);
    });
  } else if (kind === 'live') {
    elements(childValue(root, 'scene_scripts')).forEach((scene, i) => {
      const voice = voiceOf(childValue(scene, 'voice_config'));
      elements(childValue(scene, 'shoot_scripts')).forEach((shot, j) => {
        const text = textOf(shot, ['scene_scripts', i, 'shoot_scripts', j], voice);
        if (text) texts.push(text);
      });
    });
  }
  return texts;
}

/** Every shot text of a script with its range and voice (for CodeLens, previews…). Never throws. */
export function scriptTexts(text: string, kind: ScriptKind): ScriptText[] {
  try {
    return collectTexts(parseScript(text).root, kind);
  } catch {
    return [];
  }
}

/** The SSML context a text of a script is spoken in: the script's kind, and its voice's capabilities when known. */
export function ssmlContext(kind: ScriptKind, voice: ScriptVoice | undefined, options: ScriptLintOptions): SsmlContext {
  const id = voice?.voiceAssetId;
  const capability = id ? options.voiceCapability?.(id) : undefined;
  const polyphones = options.polyphones ? { polyphones: options.polyphones } : {};
  return capability ? { where: kind, voice: capability, voiceLabel: id, ...polyphones } : { where: kind, ...polyphones };
}

/** The shot text whose string literal contains `offset` (between its quotes), decoded, with its offset map. */
export function findScriptTextAt(text: string, kind: ScriptKind, offset: number): ScriptTextAt | undefined {
  const found = scriptTexts(text, kind).find((t) => offset > t.start && offset < t.end + (text[t.end - 1] === '"' ? 0 : 1));
  if (!found) return undefined;
  const { value, map } = decodeJsonString(text, found.start, found.end);
  return { ...found, value, map, decodedOffset: map.toDecoded(offset) };
}

/**
 * The polyphone at a document offset inside a shot text: its offsets and fixes moved onto the
 * document (the fixes' phoneme tags JSON-escaped); undefined when there is none.
 */
export function polyphoneInScript(text: string, kind: ScriptKind, offset: number): Polyphone | undefined {
  const at = findScriptTextAt(text, kind, offset);
  const found = at && polyphoneAt(at.value, at.decodedOffset);
  if (!found) return undefined;
  const { map } = at;
  return {
    ...found,
    offset: map.toDocument(found.offset),
    wordStart: map.toDocument(found.wordStart),
    wordEnd: map.toDocument(found.wordEnd),
    readings: found.readings.map((r) => ({ ...r, fix: toDocumentFix(r.fix, map) })),
  };
}

function toDocumentEdit(edit: TextEdit, map: JsonStringMap): TextEdit {
  return { start: map.toDocument(edit.start), end: map.toDocument(edit.end), newText: encodeJsonStringContent(edit.newText) };
}

/** Moves a fix of a decoded text onto the JSON document, its inserted text escaped. */
export function toDocumentFix(fix: Fix, map: JsonStringMap): Fix {
  return { ...fix, edits: fix.edits.map((e) => toDocumentEdit(e, map)) };
}

/** Moves a diagnostic the linter just made for the decoded text (and its fixes) onto the JSON document; one without fixes in place. */
function toDocumentDiagnostic(d: CoreDiagnostic, map: JsonStringMap): CoreDiagnostic {
  const start = map.toDocument(d.start);
  const end = map.toDocument(d.end);
  if (d.fixes) return { ...d, start, end, fixes: d.fixes.map((f) => toDocumentFix(f, map)) };
  const moved = d as { start: number; end: number };
  moved.start = start;
  moved.end = end;
  return d;
}

/** Lints one text, adding its polyphone hints to `hints` (lintSsmlApart; replaceable for tests). */
export type TextLinter = (text: string, context: SsmlContext, hints: PolyphoneHints | undefined) => CoreDiagnostic[];

/** The SSML diagnostics of texts in document offsets: sorted, their polyphone hints apart (`hints.mergeInto`). */
export interface TextDiagnostics {
  readonly diagnostics: CoreDiagnostic[];
  /** Undefined when polyphones are not marked. */
  readonly hints: PolyphoneHints | undefined;
}

/** The SSML diagnostics of every text, in document offsets. */
export function lintTexts(document: string, texts: readonly ScriptText[], kind: ScriptKind, options: ScriptLintOptions, lint: TextLinter = lintSsmlApart): TextDiagnostics {
  const hints = options.polyphones ? new PolyphoneHints(options.polyphones) : undefined;
  const perText: CoreDiagnostic[][] = [];
  let count = 0;
  for (const t of texts) {
    const hinted = hints?.length ?? 0;
    const found = lint(t.value, ssmlContext(kind, t.voice, options), hints);
    if (!found.length && (hints?.length ?? 0) === hinted) continue;
    const map = jsonStringMap(document, t.start, t.end);
    hints?.moveOnto(hinted, map);
    if (!found.length) continue;
    for (let i = 0; i < found.length; i++) found[i] = toDocumentDiagnostic(found[i], map);
    perText.push(found);
    count += found.length;
  }
  if (perText.length < 2) return { diagnostics: perText[0] ?? [], hints };
  const diagnostics = new Array<CoreDiagnostic>(count);
  let at = 0;
  for (const found of perText) for (const d of found) diagnostics[at++] = d;
  return { diagnostics, hints };
}

/** `lintTexts`, with what each text speaks (in the order of `texts`), from the same pass. */
export function analyzeTexts(document: string, texts: readonly ScriptText[], kind: ScriptKind, options: ScriptLintOptions): TextDiagnostics & { speech: Speech[] } {
  const speech: Speech[] = [];
  const found = lintTexts(document, texts, kind, options, (text, context, hints) => {
    const counter = new SpeechCounter(text, context.where);
    const diagnostics = lintSsmlApart(text, context, hints, counter);
    speech.push(counter.result());
    return diagnostics;
  });
  return { ...found, speech };
}
