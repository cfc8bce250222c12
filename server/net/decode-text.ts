/**
 * Bytes to text in the charset the response declares: the Content-Type header, else a BOM, else
 * a `<meta charset>` within the first bytes (where browsers look), else UTF-8.
 */

const SNIFF_BYTES = 2048;
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i;

const declaredCharset = (contentType: string | null) =>
  /charset\s*=\s*"?([\w:.-]+)/i.exec(contentType ?? '')?.[1];

const bomCharset = (buffer: Buffer) => {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return 'utf-8';
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return 'utf-16le';
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return 'utf-16be';
  return undefined;
};

export const decodeText = (buffer: Buffer, contentType: string | null, mediaType: string) => {
  const sniffed =
    mediaType === 'text/plain'
      ? undefined
      : META_CHARSET.exec(buffer.subarray(0, SNIFF_BYTES).toString('latin1'))?.[1];
  const label = declaredCharset(contentType) ?? bomCharset(buffer) ?? sniffed ?? 'utf-8';
  try {
    return new TextDecoder(label).decode(buffer);
  } catch {
    // An unknown label: browsers fall back to UTF-8 (lossy), and so do we.
    return new TextDecoder('utf-8').decode(buffer);
  }
};
