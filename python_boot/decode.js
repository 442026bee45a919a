/* The boot files as they arrive: zstd-compressed, in chunks. */

import { ZSTDDecoder } from "zstddec/stream";

const decoder = new ZSTDDecoder();
const decoderReady = decoder.init();

/** The build compresses its files with zstd itself (a quarter smaller than gzip, decoded as
 *  fast): they arrive small whether or not the server compresses them. */
export async function readZstd(host, { file, bytes }, signal) {
  const [chunks] = await Promise.all([host.read(file, signal), decoderReady]);
  return decodeZstd(chunks, bytes);
}

/** Decoded piece by piece, so the decoder's own memory stays small (it is never given back). */
export function decodeZstd(chunks, bytes) {
  const decoded = new Uint8Array(bytes);
  let offset = 0;
  for (const piece of decoder.decodeStreaming(chunks)) {
    decoded.set(piece, offset);
    offset += piece.length;
  }
  if (offset !== bytes) throw new Error(`a boot file decoded to ${offset} bytes instead of ${bytes}`);
  return decoded;
}

export function join(chunks) {
  if (chunks.length === 1) return chunks[0];
  const joined = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}

