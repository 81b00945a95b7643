/** What a CodeLens or code action of the layout passes to its command: a document and an offset in its text. */
export interface PlaceArgument {
  readonly uri: string;
  readonly offset: number;
}

export function isPlaceArgument(value: unknown): value is PlaceArgument {
  const args = value as Partial<PlaceArgument> | undefined;
  return typeof args?.uri === 'string' && typeof args.offset === 'number';
}
