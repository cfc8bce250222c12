/** Vectors are stored as base64 of their float32 bytes: a quarter of their JSON, read back exact. */

export const encodeVector = (vector: ArrayLike<number>): string =>
  Buffer.from(Float32Array.from(vector).buffer).toString('base64');

export const decodeVector = (stored: string): Float32Array => {
  const bytes = Buffer.from(stored, 'base64');
  // A copy: the buffer Node hands back may be a slice of a shared pool, not aligned for floats.
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return new Float32Array(copy.buffer, 0, Math.floor(bytes.length / 4));
};
