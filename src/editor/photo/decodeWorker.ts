/// <reference lib="webworker" />
/**
 * Decodes photos off the main thread: a 50-megapixel JPEG takes seconds to decode and its
 * getImageData alone would freeze the page. createImageBitmap honours EXIF orientation, an
 * OffscreenCanvas gives the pixels, and the colour is reduced to L* here too.
 */
import { composeLabToRgba, rgbaToGreyImage } from '../../core/color/lab-image';
import { type DecodeReply, type DecodeRequest, fitPixels } from './decodeProtocol';

declare const self: DedicatedWorkerGlobalScope;

async function decode(request: DecodeRequest): Promise<DecodeReply> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(request.blob, { imageOrientation: 'from-image' });
  } catch {
    return {
      id: request.id,
      ok: false,
      message: 'the file is not a readable JPEG, PNG or WebP image',
    };
  }
  const sourceWidth = bitmap.width;
  const sourceHeight = bitmap.height;
  const size = fitPixels(sourceWidth, sourceHeight, request.maxPixels);
  if (size.width !== sourceWidth || size.height !== sourceHeight) {
    const resized = await createImageBitmap(bitmap, {
      resizeWidth: size.width,
      resizeHeight: size.height,
      resizeQuality: 'high',
    });
    bitmap.close();
    bitmap = resized;
  }
  const canvas = new OffscreenCanvas(size.width, size.height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return { id: request.id, ok: false, message: 'this browser has no 2D canvas' };
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const rgba = context.getImageData(0, 0, size.width, size.height).data;
  const grey = rgbaToGreyImage(rgba, size.width, size.height);
  // Reuse the decoded buffer for the grey display pixels (ab = 0).
  composeLabToRgba(grey.L, new Float32Array(grey.L.length * 2), rgba);
  return {
    id: request.id,
    ok: true,
    sourceWidth,
    sourceHeight,
    ...size,
    L: grey.L,
    greyRgba: rgba,
  };
}

self.addEventListener('message', (event: MessageEvent<DecodeRequest>) => {
  decode(event.data).then(
    (reply) =>
      self.postMessage(
        reply,
        reply.ok ? [reply.L.buffer, reply.greyRgba.buffer as ArrayBuffer] : [],
      ),
    (error: unknown) =>
      self.postMessage({
        id: event.data.id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      } satisfies DecodeReply),
  );
});
