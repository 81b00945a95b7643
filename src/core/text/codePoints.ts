/**
 * The length of a text in Unicode code points, as the API's limits and JSON Schema's `maxLength`
 * count it (a surrogate pair is one). Counted in place: `[...text].length` would first build an
 * array of every character.
 */
export function codePointLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        i++;
      }
    }
  }
  return length;
}
