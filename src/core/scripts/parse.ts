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
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  recent.unshift({ text, parsed: { root, errors } });
  recent.length = Math.min(recent.length, KEPT);
  return recent[0].parsed;
}
