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

let last: { readonly text: string; readonly parsed: ParsedScript } | undefined;

export function parseScript(text: string): ParsedScript {
  if (last?.text === text) return last.parsed;
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  last = { text, parsed: { root, errors } };
  return last.parsed;
}
