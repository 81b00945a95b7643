/**
 * The texts a shot editor opens (docs/decisions/shot-editor.md): every shot text of a script, and
 * in live rooms and rule libraries every reply of an interaction rule, each with the SSML context it is spoken in and
 * a name a person recognises ("Opening › Greeting").
 */
import * as l10n from '@vscode/l10n';
import type { Node } from 'jsonc-parser';
import type { ScriptKind } from './kinds';
import { parseScript } from './parse';
import { collectTexts, voiceOf, type ScriptText, type ScriptVoice } from './texts';
import { childValue, elements, nodeAtPath } from './tree';

export interface ShotText extends ScriptText {
  /** The scene, rule and shot or reply names, outermost first, e.g. `['Opening', 'Greeting']`. */
  readonly names: readonly string[];
}

const stringField = (object: Node | undefined, name: string): string | undefined => {
  const node = childValue(object, name);
  return node?.type === 'string' && node.value.trim() ? node.value.trim() : undefined;
};

/** The names of a shot text at `path` of a parsed script (1-based numbers where the script names nothing). */
function namesOf(root: Node | undefined, path: readonly (string | number)[]): string[] {
  const [list, i, , j] = path;
  if (list === 'shoot_scripts') return [l10n.t('Shot {0}', Number(i) + 1)];
  const scene = nodeAtPath(root, ['scene_scripts', i]);
  const shot = nodeAtPath(root, ['scene_scripts', i, 'shoot_scripts', j]);
  return [stringField(scene, 'script_name') ?? l10n.t('Scene {0}', Number(i) + 1), stringField(shot, 'title') ?? l10n.t('Shot {0}', Number(j) + 1)];
}

/**
 * The voice of a rule's replies: the co-streamer's for `reply_role` CO_STREAMER; else the streamer's,
 * known only when every scene speaks with the same voice (a reply may cut into any scene).
 */
function replyVoice(root: Node | undefined, trigger: Node | undefined): ScriptVoice | undefined {
  if (stringField(trigger, 'reply_role') === 'CO_STREAMER') return voiceOf(nodeAtPath(root, ['co_streamer_config', 'voice_config']));
  const voices = elements(childValue(root, 'scene_scripts')).map((scene) => voiceOf(childValue(scene, 'voice_config')));
  const first = voices[0];
  return first && voices.every((v) => v?.voiceAssetId === first.voiceAssetId) ? first : undefined;
}

function replyTexts(root: Node | undefined): ShotText[] {
  const texts: ShotText[] = [];
  elements(childValue(root, 'interaction_rules')).forEach((rule, i) => {
    const trigger = childValue(rule, 'trigger');
    const replies = elements(childValue(trigger, 'reply_texts'));
    if (!replies.length) return;
    const voice = replyVoice(root, trigger);
    const ruleName = stringField(rule, 'rule_name') ?? l10n.t('Rule {0}', i + 1);
    replies.forEach((node, k) => {
      if (node.type !== 'string') return;
      const path = ['interaction_rules', i, 'trigger', 'reply_texts', k];
      texts.push({ value: node.value, start: node.offset, end: node.offset + node.length, path, voice, names: [ruleName, l10n.t('Reply {0}', k + 1)] });
    });
  });
  return texts;
}

/** Every text a shot editor can open, in document order of kind (shots, then replies). Never throws. */
export function shotTexts(text: string, kind: ScriptKind): ShotText[] {
  try {
    const { root } = parseScript(text);
    const shots = collectTexts(root, kind).map((t) => ({ ...t, names: namesOf(root, t.path) }));
    return kind === 'video' ? shots : [...shots, ...replyTexts(root)];
  } catch {
    return [];
  }
}

/** The text whose string literal starts (opening quote) at `offset`. */
export function shotTextStartingAt(text: string, kind: ScriptKind, offset: number): ShotText | undefined {
  return shotTexts(text, kind).find((t) => t.start === offset);
}

/** The text whose string literal contains `offset` (quotes included). */
export function shotTextAt(text: string, kind: ScriptKind, offset: number): ShotText | undefined {
  return shotTexts(text, kind).find((t) => offset >= t.start && offset <= t.end);
}

/** The text at a JSON path, e.g. `['shoot_scripts', 0, 'shoot_script', 'text_config', 'text']`. */
export function shotTextAtPath(text: string, kind: ScriptKind, path: readonly (string | number)[]): ShotText | undefined {
  const key = JSON.stringify(path);
  return shotTexts(text, kind).find((t) => JSON.stringify(t.path) === key);
}

/** The JSON Pointer of a path (RFC 6901). */
export function toPointer(path: readonly (string | number)[]): string {
  return path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
