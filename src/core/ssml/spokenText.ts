/** What is left to speak of an SSML text: the production limits and the sandbox count its characters. */

/**
 * `text` with each tag, from a `<` to the next `>`, replaced by `replacement` (as
 * `text.replace(/<[^>]*>/g, replacement)` reads it), in one pass. The regular expression would search
 * the rest of the text again from every `<` that no `>` follows, which takes minutes on a long run of `<`.
 */
export function withoutTags(text: string, replacement = ''): string {
  let result = '';
  let at = 0;
  for (;;) {
    const lt = text.indexOf('<', at);
    const gt = lt < 0 ? -1 : text.indexOf('>', lt + 1);
    // No `>` after this `<`: none after any later `<` either, so the rest is all text.
    if (gt < 0) return result + text.slice(at);
    result += text.slice(at, lt) + replacement;
    at = gt + 1;
  }
}
