/// <reference lib="webworker" />
/**
 * Matches a reference photo against the grey target off the main thread: decoding a 12-MP
 * reference and matching take long enough to stall the editor otherwise. The reference is
 * decoded straight to a small size (the matcher works at ~166 px; 512 leaves the box filter
 * real pixels to average).
 */
import { ReferenceProblem, referenceSizeProblem, transferFromReference } from '../../core/exemplar';
import type { ReferenceReply, ReferenceRequest } from './referenceProtocol';

declare const self: DedicatedWorkerGlobalScope;

const DECODE_LONG_SIDE = 512;

async function match(request: ReferenceRequest): Promise<ReferenceReply> {
  const { id } = request;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(request.blob, { imageOrientation: 'from-image' });
  } catch {
    return { id, ok: false, message: 'it is not a readable JPEG, PNG or WebP image' };
  }
  const { width, height } = bitmap;
  const size = referenceSizeProblem(width, height);
  if (size) {
    bitmap.close();
    return { id, ok: false, message: size };
  }
  const s = Math.min(1, DECODE_LONG_SIDE / Math.max(width, height));
  const w = Math.max(1, Math.round(width * s));
  const h = Math.max(1, Math.round(height * s));
  const canvas = new OffscreenCanvas(w, h);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return { id, ok: false, message: 'this browser has no 2D canvas' };
  context.drawImage(bitmap, 0, 0, w, h);
  bitmap.close();
  const rgba = context.getImageData(0, 0, w, h).data;
  try {
    const transfer = transferFromReference(
      request.target,
      { width: w, height: h, rgba },
      { source: request.source },
    );
    return { id, ok: true, transfer, reference: { name: request.name, width, height } };
  } catch (error) {
    if (error instanceof ReferenceProblem) return { id, ok: false, message: error.message };
    throw error;
  }
}

self.addEventListener('message', (event: MessageEvent<ReferenceRequest>) => {
  match(event.data).then(
    (reply) => self.postMessage(reply),
    (error: unknown) =>
      self.postMessage({
        id: event.data.id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      } satisfies ReferenceReply),
  );
});
