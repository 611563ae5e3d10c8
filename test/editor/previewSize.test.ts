import { describe, expect, it } from 'vitest';
import {
  MAX_PREVIEW_PIXELS,
  paintingPreviewSize,
  previewSize,
} from '../../src/editor/view/previewSize';

const GREY_12MP = { width: 4000, height: 3000 };

describe('previewSize', () => {
  it('a 12-MP photo fitted to a laptop screen composes at about the screen size', () => {
    // 4000 px shown 1000 px wide: a quarter, exactly a step.
    expect(previewSize(GREY_12MP, 4000, 0.25, 1)).toEqual({ width: 1000, height: 750 });
    // Just over a step rounds up to the next quarter octave (2^(-7/4) ≈ 0.297).
    expect(previewSize(GREY_12MP, 4000, 0.26, 1)).toEqual({ width: 1189, height: 892 });
  });

  it('counts device pixels, not CSS pixels', () => {
    expect(previewSize(GREY_12MP, 4000, 0.25, 2)).toEqual({ width: 2000, height: 1500 });
  });

  it('zooming within one step keeps the size, so the preview is not recomposed', () => {
    const a = previewSize(GREY_12MP, 4000, 0.3, 1);
    const b = previewSize(GREY_12MP, 4000, 0.33, 1);
    expect(a).toEqual(b);
    expect(previewSize(GREY_12MP, 4000, 0.3 * Math.SQRT2, 1).width).toBeGreaterThan(a.width);
  });

  it('never exceeds the working copy, nor MAX_PREVIEW_PIXELS', () => {
    expect(previewSize({ width: 1498, height: 1199 }, 1498, 2, 1)).toEqual({
      width: 1498,
      height: 1199,
    });
    const zoomedIn = previewSize(GREY_12MP, 4000, 1, 1);
    expect(zoomedIn.width * zoomedIn.height).toBeLessThanOrEqual(MAX_PREVIEW_PIXELS * 1.001);
    expect(zoomedIn.width / zoomedIn.height).toBeCloseTo(4 / 3, 2);
  });

  it('a working copy smaller than the photo: the scale is per source pixel', () => {
    // 24-MP source (6000 wide) worked on at 4000: the view shows 6000 source px at 0.2.
    expect(previewSize(GREY_12MP, 6000, 0.2, 1)).toEqual(previewSize(GREY_12MP, 4000, 0.3, 1));
  });

  it('while painting: half the side, never below one pixel', () => {
    expect(paintingPreviewSize({ width: 1189, height: 892 })).toEqual({ width: 595, height: 446 });
    expect(paintingPreviewSize({ width: 1, height: 3 })).toEqual({ width: 1, height: 2 });
  });
});
