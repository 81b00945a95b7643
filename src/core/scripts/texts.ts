/**
 * The spoken texts of a script (`text_config.text` of every shot) with their ranges and the voice
 * that speaks them, and their SSML diagnostics mapped back into the JSON document
 * (docs/decisions/script-texts.md, docs/decisions/voice-capabilities.md).
 */
import type { Node } from 'jsonc-parser';
import { parseScript } from './parse';
import type { Fix, TextEdit } from '../diagnostics';
import type { DiagnosticCollector, Details } from '../lint/collector';
import { ssmlCodes } from '../ssml/codes';
import { SpeechCounter, type Speech } from '../ssml/duration';
import { checkSsml } from '../ssml/lint';
import { polyphoneAt, PolyphoneHints, type Polyphone } from '../ssml/polyphones';
import type { SsmlContext, SsmlWhere, VoiceCapability } from '../ssml/types';
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

/** Where a kind's texts are said: a video script's in a video, the others' in a livestream. */
export const ssmlWhereOf = (kind: ScriptKind): SsmlWhere => (kind === 'video' ? 'video' : 'live');

/** The SSML context a text of a script is spoken in: the script's kind, and its voice's capabilities when known. */
export function ssmlContext(kind: ScriptKind, voice: ScriptVoice | undefined, options: ScriptLintOptions): SsmlContext {
  const id = voice?.voiceAssetId;
  const capability = id ? options.voiceCapability?.(id) : undefined;
  const where = ssmlWhereOf(kind);
  const polyphones = options.polyphones ? { polyphones: options.polyphones } : {};
  return capability ? { where, voice: capability, voiceLabel: id, ...polyphones } : { where, ...polyphones };
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

function toDocumentFix(fix: Fix, map: JsonStringMap): Fix {
  return { ...fix, edits: fix.edits.map((e) => toDocumentEdit(e, map)) };
}

/**
 * Puts the SSML diagnostics of every text into `collector`, in document offsets (`check` is replaceable
 * for tests). Returns the texts' polyphone hints, in document offsets, when polyphones are marked: the
 * caller merges them into the collector's result (`hints.mergeInto`). `speech`, when given, receives
 * what each text speaks, in the order of `texts`, from the same pass.
 */
export function lintTexts(
  document: string, texts: readonly ScriptText[], kind: ScriptKind, options: ScriptLintOptions, collector: DiagnosticCollector,
  check = checkSsml, speech?: Speech[],
): PolyphoneHints | undefined {
  const hints = options.polyphones ? new PolyphoneHints(options.polyphones) : undefined;
  for (const t of texts) {
    let map: JsonStringMap | undefined;
    let toDocument: ((details: Details) => Details) | undefined;
    const hinted = hints?.length ?? 0;
    const context = ssmlContext(kind, t.voice, options);
    const counter = speech ? new SpeechCounter(t.value, context.where) : undefined;
    check(t.value, context, (code, start, end, details) => {
      // Made once per text, and only for a text with problems.
      const m = (map ??= jsonStringMap(document, t.start, t.end));
      toDocument ??= ({ message, fixes }) => ({ message, fixes: fixes?.map((f) => toDocumentFix(f, m)) });
      collector.add(code, ssmlCodes[code].severity, m.toDocument(start), m.toDocument(end), details, toDocument);
    }, hints, counter);
    if (hints && hints.length > hinted) hints.moveOnto(hinted, (map ??= jsonStringMap(document, t.start, t.end)));
    if (counter) speech!.push(counter.result());
  }
  return hints;
}
