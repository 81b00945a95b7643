/**
 * Values made on first use. The extension's bundle holds every module, and esbuild cannot split a
 * CommonJS bundle: a heavy module (pinyin dictionaries, ajv, the JSON language service) stays out of
 * activation only when it is required inside the function that first needs it (esbuild then wraps
 * it to run on that first `require`). Named, so that a test can tell what activation made
 * (docs/decisions/fast-start.md).
 */
const made = new Set<string>();

export function lazy<T>(name: string, make: () => T): () => T {
  let value: { readonly it: T } | undefined;
  return () => {
    if (!value) {
      value = { it: make() };
      made.add(name);
    }
    return value.it;
  };
}

/** The names of the lazy values made so far. */
export function madeSoFar(): string[] {
  return [...made];
}
