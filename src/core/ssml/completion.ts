/** Completion proposals for MetaStudio SSML, editor-free (an adapter maps them to its items). */
import * as l10n from '@vscode/l10n';
import { attributeSpec, canonicalName, elementSpec, ssmlElements, type AttributeSpec, type ElementSpec } from './dialect';
import { attributeMarkdown, elementMarkdown } from './docs';
import { locate, type Located } from './locate';
import { hanziOf } from './phonemes';
import { readingInContext, readingsOf } from './pinyinReadings';
import type { StartTag } from './tokenizer';
import type { CompletionEntry, SsmlContext } from './types';

/** At most this many pinyin proposals for one `ph`. */
const maxPinyinEntries = 40;

/**
 * Proposals at `offset` of `text`: tags, attributes, values, tag snippets, pinyin of a phoneme's text.
 * `triggerCharacter` is the character whose typing asked (the editor's trigger characters): typed in
 * prose (a space between words, a quote), it gets no tag snippets; those come when asked for.
 */
export function ssmlCompletions(text: string, offset: number, context: SsmlContext, triggerCharacter?: string): CompletionEntry[] {
  try {
    if (typeof text !== 'string' || !(offset >= 0 && offset <= text.length)) return [];
    const at = locate(text, offset);
    if (triggerCharacter !== undefined && at.spot.kind === 'text') return [];
    return complete(text, offset, context, at);
  } catch {
    return [];
  }
}

function complete(text: string, offset: number, context: SsmlContext, at: Located): CompletionEntry[] {
  const { spot } = at;
  const parent = at.open[at.open.length - 1];
  switch (spot.kind) {
    case 'tag-name': {
      // A bare `<na` being typed gets whole tags; a name in an existing tag only the name.
      const fresh = spot.tag.attributes.length === 0 && !spot.tag.terminated;
      return tagEntries(context, parent, spot.tag.nameStart, spot.tag.nameEnd, fresh);
    }
    case 'after-lt':
      return tagEntries(context, parent, offset, offset, true);
    case 'close-name':
      return parent ? [{
        label: parent.name, kind: 'tag', insertText: `${parent.name}>`, isSnippet: false, start: spot.start,
        end: text.charCodeAt(spot.end) === 62 ? spot.end + 1 : spot.end, preselect: true,
      }] : [];
    case 'in-tag':
      return attributeEntries(spot.tag, offset, offset, true);
    case 'attribute-name':
      return attributeEntries(spot.tag, spot.attribute.nameStart, spot.attribute.nameEnd, spot.attribute.value === undefined);
    case 'attribute-value':
      return valueEntries(text, at, spot.tag, spot.attribute.name, spot.attribute.valueStart, spot.attribute.valueEnd);
    case 'text':
      return parentTakesTags(parent) ? snippetEntries(context, parent, offset) : [];
    case 'other':
      return [];
  }
}

function parentTakesTags(parent: StartTag | undefined): boolean {
  const spec = parent && elementSpec(canonicalName(parent.name));
  return !spec || spec.content === 'mixed';
}

/** The elements worth proposing here: in video only those that take effect; the root only at the top. */
function candidates(context: SsmlContext, parent: StartTag | undefined): ElementSpec[] {
  return ssmlElements.filter((e) => (e.name !== 'speak' || !parent) && (context.where !== 'video' || e.inVideo));
}

function tagEntries(context: SsmlContext, parent: StartTag | undefined, start: number, end: number, whole: boolean): CompletionEntry[] {
  if (!parentTakesTags(parent)) return [];
  return candidates(context, parent).map((e) => ({
    label: e.name,
    kind: 'tag',
    insertText: whole ? e.snippet.slice(1) : e.name,
    isSnippet: whole,
    documentation: elementMarkdown(e),
    start,
    end,
  }));
}

function snippetEntries(context: SsmlContext, parent: StartTag | undefined, offset: number): CompletionEntry[] {
  return candidates(context, parent).map((e) => ({
    label: `<${e.name}>`,
    kind: 'snippet',
    insertText: e.snippet,
    isSnippet: true,
    detail: l10n.t('MetaStudio SSML tag'),
    documentation: elementMarkdown(e),
    start: offset,
    end: offset,
  }));
}

function attributeEntries(tag: StartTag, start: number, end: number, withValue: boolean): CompletionEntry[] {
  const spec = elementSpec(canonicalName(tag.name));
  if (!spec) return [];
  return spec.attributes
    .filter((a) => !tag.attributes.some((t) => t.name === a.name && t.nameStart !== start))
    .map((a) => ({
      label: a.name,
      kind: 'attribute',
      insertText: withValue ? `${a.name}="${valueSnippet(a)}"` : a.name,
      isSnippet: withValue,
      detail: a.required ? l10n.t('mandatory') : undefined,
      documentation: attributeMarkdown(spec, a),
      start,
      end,
    }));
}

function valueSnippet(a: AttributeSpec): string {
  if (a.kind === 'enum') return `\${1|${a.values.map((v) => v.value).join(',')}|}`;
  return a.values.length > 0 ? `\${1:${a.values[0].value}}` : '$1';
}

function valueEntries(text: string, at: Located, tag: StartTag, name: string, start: number, end: number): CompletionEntry[] {
  const spec = elementSpec(canonicalName(tag.name));
  const attr = spec && attributeSpec(spec, name);
  if (!spec || !attr) return [];
  if (attr.kind === 'phonemes') return pinyinEntries(phonemeText(text, at), start, end);
  return attr.values.map((v, i) => ({
    label: v.value,
    kind: 'value',
    insertText: v.value,
    isSnippet: false,
    documentation: v.doc(),
    start,
    end,
    sortText: String(i).padStart(3, '0'),
  }));
}

/** The text a phoneme encloses: its text tokens up to the next tag. */
function phonemeText(text: string, at: Located): string {
  let content = '';
  for (let i = at.index + 1; i < at.tokens.length; i++) {
    const token = at.tokens[i];
    if (token.kind !== 'text') break;
    content += text.slice(token.start, token.end);
  }
  return content;
}

/**
 * The word's reading in context first, then for each character with several readings the same
 * reading with that character's alternatives.
 */
function pinyinEntries(content: string, start: number, end: number): CompletionEntry[] {
  const hanzi = hanziOf(content);
  if (hanzi.length === 0) return [];
  const word = hanzi.join('');
  const base = readingInContext(word);
  if (!base) return [];
  const entries: CompletionEntry[] = [pinyinEntry(base.join(' '), l10n.t('Reading of {0} in context', word), start, end, 0)];
  hanzi.forEach((char, i) => {
    for (const reading of readingsOf(char)) {
      if (reading === base[i] || entries.length >= maxPinyinEntries) continue;
      const alternative = [...base];
      alternative[i] = reading;
      entries.push(pinyinEntry(alternative.join(' '), `${char}: ${reading}`, start, end, entries.length));
    }
  });
  return entries;
}

function pinyinEntry(label: string, detail: string, start: number, end: number, rank: number): CompletionEntry {
  return {
    label, kind: 'pinyin', insertText: label, isSnippet: false, detail,
    documentation: l10n.t('Pinyin with tone numbers (5 = neutral tone), one syllable per Chinese character.'),
    start, end, sortText: String(rank).padStart(3, '0'), preselect: rank === 0,
  };
}
