/**
 * The one parse of a script's text, shared by everything that reads the same text (the MetaStudio
 * linter, the asset checks, the preview CodeLens all run on each edit). It is strict, as the API
 * takes strict JSON, and keeps the errors for the linter; readers that only need the tree ignore
 * them: comments and trailing commas do not change the tree.
 */
import { parseTree, type Node, type ParseError } from 'jsonc-parser';

export interface ParsedScript {
  readonly root: Node | undefined;
  readonly errors: readonly ParseError[];
  /** Where the text nests deeper than `maxNesting`: such a text is not parsed (no root, no errors). */
  readonly tooDeepAt?: number;
}

/** Deeper than this, a text is no script: JSON parsers refuse it (1,000 is Jackson's limit) and ours would run out of stack. */
export const maxNesting = 1000;

/** Where `text` first opens more than `maxNesting` objects or arrays (strings skipped), or -1: one pass. */
function tooDeepAt(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92 /* \ */) i++;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > maxNesting) return i;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      depth--;
    }
  }
  return -1;
}

/** A few texts, newest first: the linters and the CodeLens take the open scripts in turn. */
const recent: { readonly text: string; readonly parsed: ParsedScript }[] = [];
const KEPT = 4;

export function parseScript(text: string): ParsedScript {
  const hit = recent.findIndex((entry) => entry.text === text);
  if (hit >= 0) {
    const [entry] = recent.splice(hit, 1);
    recent.unshift(entry);
    return entry.parsed;
  }
  const deep = tooDeepAt(text);
  const errors: ParseError[] = [];
  const root = deep >= 0 ? undefined : parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  recent.unshift({ text, parsed: deep >= 0 ? { root, errors, tooDeepAt: deep } : { root, errors } });
  recent.length = Math.min(recent.length, KEPT);
  return recent[0].parsed;
}
