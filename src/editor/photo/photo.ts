import type { GreyImage } from '../../core/image';
import { decodePhoto } from './decodePhoto';
import { hatchSize, type UncertaintyGrid, uncertaintyHatchRgba } from './uncertaintyHatch';

/** The photograph being edited: its file (kept for export/autosave) and its working grey copy. */
export interface Photo {
  /** Identifies this photo in autosave (a new one each time a file is opened). */
  id: string;
  fileName: string;
  blob: Blob;
  sourceWidth: number;
  sourceHeight: number;
  /** Working copy, ≤ MAX_WORKING_PIXELS; hints are still in source pixels. */
  grey: GreyImage;
  greyCanvas: HTMLCanvasElement;
}

export async function openPhoto(blob: Blob, fileName: string, id?: string): Promise<Photo> {
  const decoded = await decodePhoto(blob, fileName);
  return {
    id: id ?? crypto.randomUUID(),
    fileName,
    blob,
    sourceWidth: decoded.sourceWidth,
    sourceHeight: decoded.sourceHeight,
    grey: decoded.grey,
    greyCanvas: rgbaToCanvas(decoded.greyRgba, decoded.grey.width, decoded.grey.height),
  };
}

export function rgbaToCanvas(
  rgba: Uint8ClampedArray,
  width: number,
  height: number,
): HTMLCanvasElement {
  return drawRgba(blankCanvas(width, height), rgba);
}

export function blankCanvas(width: number, height: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

/** Puts RGBA of the canvas's own size into it, replacing what was there. */
export function drawRgba(canvas: HTMLCanvasElement, rgba: Uint8ClampedArray): HTMLCanvasElement {
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser has no 2D canvas');
  // ImageData wants an ArrayBuffer-backed array; buffers from workers already are one.
  const pixels =
    rgba.buffer instanceof ArrayBuffer
      ? new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.length)
      : new Uint8ClampedArray(rgba);
  context.putImageData(new ImageData(pixels, canvas.width, canvas.height), 0, 0);
  return canvas;
}

/** The uncertainty overlay (./uncertaintyHatch.ts) for a photo of width × height, at most
 * HATCH_MAX_SIDE on its long side (the canvas stretches it over the photo). */
export function uncertaintyToCanvas(
  map: UncertaintyGrid,
  width: number,
  height: number,
): HTMLCanvasElement {
  const [w, h] = hatchSize(width, height);
  return rgbaToCanvas(uncertaintyHatchRgba(map, w, h), w, h);
}
