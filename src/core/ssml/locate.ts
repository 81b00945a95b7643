/** What lies at an offset of an SSML text: the token, the part of it, and the open elements. */
import { canonicalName } from './dialect';
import { isQuote, isSpace, tokenize, type Attribute, type StartTag, type Token } from './tokenizer';

export type Spot =
  | { readonly kind: 'tag-name'; readonly tag: StartTag }
  | { readonly kind: 'close-name'; readonly start: number; readonly end: number; readonly name: string }
  | { readonly kind: 'attribute-name'; readonly tag: StartTag; readonly attribute: Attribute }
  | { readonly kind: 'attribute-value'; readonly tag: StartTag; readonly attribute: Attribute }
  /** Between attributes of a start tag. */
  | { readonly kind: 'in-tag'; readonly tag: StartTag }
  /** Right after a `<` that starts no tag yet (`<` then space or the end). */
  | { readonly kind: 'after-lt' }
  | { readonly kind: 'text' }
  | { readonly kind: 'other' };

export interface Located {
  readonly spot: Spot;
  readonly tokens: readonly Token[];
  /** The index of the token at the offset (-1 when none). */
  readonly index: number;
  /** The elements open at the offset, outermost first (names canonical). */
  readonly open: readonly StartTag[];
}

export function locate(text: string, offset: number): Located {
  const tokens = tokenize(text);
  const open: StartTag[] = [];
  const openCount = new Map<string, number>();
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    // A token holds the offset when it starts before it and ends at or after it; an unterminated
    // tag also holds its end and, for a start tag, the spaces after it (the user is typing there).
    const unterminated = token.kind === 'start' ? !token.terminated : token.kind === 'end' && text.charCodeAt(token.end - 1) !== 62;
    const ends = unterminated ? token.end >= offset || (token.kind === 'start' && onlySpaces(text, token.end, offset)) : token.end > offset;
    if (token.start < offset && ends) return { spot: spotIn(text, token, offset), tokens, index, open };
    if (token.start >= offset) return { spot: between(text, offset), tokens, index, open };
    if (token.kind === 'start' && !token.selfClosing && token.terminated) {
      open.push(token);
      const name = canonicalName(token.name);
      openCount.set(name, (openCount.get(name) ?? 0) + 1);
    }
    // Closing what is open pops down to it; closing what is not is ignored (no search).
    if (token.kind === 'end' && openCount.get(canonicalName(token.name))) {
      const name = canonicalName(token.name);
      for (let top = open.pop(); top; top = open.pop()) {
        const topName = canonicalName(top.name);
        openCount.set(topName, openCount.get(topName)! - 1);
        if (topName === name) break;
      }
    }
  }
  return { spot: between(text, offset), tokens, index: -1, open };
}

/** A spot between tokens, or in text. */
function between(text: string, offset: number): Spot {
  return text.charCodeAt(offset - 1) === 60 ? { kind: 'after-lt' } : { kind: 'text' };
}

function spotIn(text: string, token: Token, offset: number): Spot {
  switch (token.kind) {
    case 'start': {
      if (offset <= token.nameEnd) return { kind: 'tag-name', tag: token };
      for (const attribute of token.attributes) {
        const quoted = attribute.valueStart > attribute.nameEnd && isQuote(text.charCodeAt(attribute.valueStart - 1));
        if (quoted && offset >= attribute.valueStart && offset <= attribute.valueEnd) return { kind: 'attribute-value', tag: token, attribute };
        if (offset >= attribute.nameStart && offset <= attribute.nameEnd) return { kind: 'attribute-name', tag: token, attribute };
      }
      return { kind: 'in-tag', tag: token };
    }
    case 'end':
      return offset >= token.nameStart && offset <= token.nameEnd
        ? { kind: 'close-name', start: token.nameStart, end: token.nameEnd, name: token.name }
        : { kind: 'other' };
    case 'text':
      return between(text, offset);
    default:
      return { kind: 'other' };
  }
}

/** Whether `from` < `to` and all between them is space; stops at the first other character. */
function onlySpaces(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}
