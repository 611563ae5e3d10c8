import { open } from 'node:fs/promises';
import sharp from 'sharp';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** An IEND chunk: length 0, type "IEND", CRC ae 42 60 82; always the last 12 bytes. */
const IEND = [0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];

/**
 * Whether `file` is a whole PNG, for --resume: the signature, the IEND trailer (a truncated
 * write lacks it), then a full decode that checks every chunk's CRC and the compressed data.
 * Decoding costs a little time per skipped photo but is what "complete" has to mean.
 */
export async function isCompletePng(file: string): Promise<boolean> {
  try {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      if (size < SIGNATURE.length + IEND.length) return false;
      const head = Buffer.alloc(SIGNATURE.length);
      const tail = Buffer.alloc(IEND.length);
      await handle.read(head, 0, head.length, 0);
      await handle.read(tail, 0, tail.length, size - tail.length);
      if (!SIGNATURE.every((b, i) => head[i] === b) || !IEND.every((b, i) => tail[i] === b)) {
        return false;
      }
    } finally {
      await handle.close();
    }
    await sharp(file, { failOn: 'error', limitInputPixels: false }).stats();
    return true;
  } catch {
    return false;
  }
}
