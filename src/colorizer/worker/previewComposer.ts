import { composeLabToRgba } from '../../core/color';
import type { GreyImage } from '../../core/image';
import { type HintRaster, rasterizeHints } from '../../core/raster';
import type { Session } from '../../core/session';
import { composeFullRes, type UpsampleMethod } from '../compose/composeFullRes';
import { coefficientRows, guideAt, guidedCoefficients } from '../compose/guided';

/**
 * Composes the editor's preview of one photo at one size, stroke after stroke. The result is
 * composeFullRes(preview, ab, abW, abH, method, rasterizeHints(session, w, h)) byte for byte,
 * but the guided path keeps what does not change between strokes (the guide, the hint raster's
 * buffers) and goes row by row, so it never writes and rereads a whole-image ab (8 bytes a
 * pixel) before the sRGB conversion.
 */
export interface PreviewComposer {
  readonly image: GreyImage;
  compose(
    ab: Float32Array,
    abW: number,
    abH: number,
    session: Session,
    method: UpsampleMethod,
    /** RGBA of this size to write into instead of a new array (./spareBuffers.ts). */
    into?: Uint8ClampedArray,
  ): Uint8ClampedArray;
}

export function createPreviewComposer(image: GreyImage): PreviewComposer {
  const { width, height, L } = image;
  let guide: { w: number; h: number; data: Float32Array } | null = null;
  let raster: HintRaster | undefined;
  const rowAb = new Float32Array(2 * width);

  return {
    image,
    compose(ab, abW, abH, session, method, into) {
      raster = rasterizeHints(session, width, height, raster);
      if (method !== 'guided' || (abW === width && abH === height) || ab.length !== abW * abH * 2) {
        return composeFullRes(image, ab, abW, abH, method, raster); // it names what is wrong
      }
      if (guide?.w !== abW || guide.h !== abH) {
        guide = { w: abW, h: abH, data: guideAt(L, width, height, abW, abH) };
      }
      const rowOf = coefficientRows(
        L,
        width,
        height,
        guidedCoefficients(guide.data, ab, abW, abH),
        abW,
        abH,
      );
      const { ab: hintAb, mask } = raster;
      const out =
        into?.length === width * height * 4 ? into : new Uint8ClampedArray(width * height * 4);
      for (let y = 0; y < height; y++) {
        const row = y * width;
        rowOf(y, rowAb);
        for (let x = 0; x < width; x++) {
          if (mask[row + x] !== 0) {
            rowAb[2 * x] = hintAb[2 * (row + x)];
            rowAb[2 * x + 1] = hintAb[2 * (row + x) + 1];
          }
        }
        composeLabToRgba(
          L.subarray(row, row + width),
          rowAb,
          out.subarray(4 * row, 4 * (row + width)),
        );
      }
      return out;
    },
  };
}
