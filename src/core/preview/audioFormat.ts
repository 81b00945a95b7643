/** The audio format of a file from its first bytes, else from its type or URL. */
export function audioExtension(data: Uint8Array, contentType?: string, url?: URL): string {
  const ascii = (from: number, to: number) => Buffer.from(data.subarray(from, to)).toString('latin1');
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'wav';
  if (ascii(0, 3) === 'ID3' || (data[0] === 0xff && (data[1] ?? 0) >= 0xe0)) return 'mp3';
  if (ascii(0, 4) === 'OggS') return 'ogg';
  if (ascii(0, 4) === 'fLaC') return 'flac';
  if (ascii(4, 8) === 'ftyp') return 'm4a';
  const fromType = /audio\/(?:x-)?(wav|wave|mpeg|mp3|ogg|flac|aac|mp4)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  if (fromType) return ({ wave: 'wav', mpeg: 'mp3', mp4: 'm4a' } as Record<string, string>)[fromType] ?? fromType;
  const fromUrl = /\.([a-z0-9]{2,4})$/i.exec(url?.pathname ?? '')?.[1]?.toLowerCase();
  return fromUrl ?? 'bin';
}
