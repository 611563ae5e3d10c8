import { describe, expect, it } from 'vitest';
import { rasterizeHints } from '../../../src/core/raster';
import { drawMask, sessionOf } from './helpers';

/** All masks below are drawn by hand from the coverage rules in the session format. */

function maskOf(
  imageW: number,
  imageH: number,
  hints: Parameters<typeof sessionOf>[2],
  w = imageW,
  h = imageH,
) {
  return drawMask(rasterizeHints(sessionOf(imageW, imageH, hints), w, h).mask, w);
}

describe('point hints', () => {
  it('cover pixel centres in the half-open square: on x − size/2 in, on x + size/2 out', () => {
    // Square [2.5, 4.5) × [1.5, 3.5): centres 2.5 and 3.5 are in, 4.5 is out, on both axes.
    expect(maskOf(8, 5, [{ kind: 'point', x: 3.5, y: 2.5, size: 2, ab: [10, 20] }])).toEqual([
      '........',
      '..##....',
      '..##....',
      '........',
      '........',
    ]);
    // Size 3: [2, 5) holds centres 2.5, 3.5, 4.5.
    expect(maskOf(8, 5, [{ kind: 'point', x: 3.5, y: 2.5, size: 3, ab: [10, 20] }])).toEqual([
      '........',
      '..###...',
      '..###...',
      '..###...',
      '........',
    ]);
  });

  it('a size-1 point on a pixel corner takes the pixel up-left of it', () => {
    // [2.5, 3.5) × [1.5, 2.5) holds only the centre (2.5, 1.5): row 1, column 2.
    expect(maskOf(5, 4, [{ kind: 'point', x: 3, y: 2, size: 1, ab: [1, 1] }])).toEqual([
      '.....',
      '..#..',
      '.....',
      '.....',
    ]);
  });

  it('a point smaller than a pixel still marks the pixel containing it', () => {
    expect(maskOf(5, 6, [{ kind: 'point', x: 2.3, y: 4.9, size: 0.01, ab: [1, 1] }])).toEqual([
      '.....',
      '.....',
      '.....',
      '.....',
      '..#..',
      '.....',
    ]);
  });

  it('is clipped at the image border and ignored entirely outside it', () => {
    expect(
      maskOf(4, 3, [
        { kind: 'point', x: 0, y: 0, size: 2, ab: [1, 1] },
        { kind: 'point', x: -5, y: 1, size: 2, ab: [1, 1] },
        { kind: 'point', x: 4, y: 3, size: 0.5, ab: [1, 1] }, // centre on the far corner: no pixel
      ]),
    ).toEqual(['#...', '....', '....']);
  });
});

describe('stroke and erase hints', () => {
  const bar = {
    kind: 'stroke' as const,
    points: [
      [2.5, 3.5],
      [6.5, 3.5],
    ] as [number, number][],
    ab: [5, 6] as [number, number],
  };

  it('cover centres within width/2 of the polyline, inclusive, with round caps', () => {
    // Radius 2: rows 1 and 5 are exactly 2 away (in); the caps reach ±1 column on rows 2 and 4
    // (√(1² + 1²) ≤ 2) and ±2 columns only on the axis (row 3, distance exactly 2).
    expect(maskOf(9, 7, [{ ...bar, width: 4 }])).toEqual([
      '.........',
      '..#####..',
      '.#######.',
      '#########',
      '.#######.',
      '..#####..',
      '.........',
    ]);
    // A hair narrower and the pixels at exactly 2 drop out: the boundary really is inclusive.
    expect(maskOf(9, 7, [{ ...bar, width: 3.99 }])).toEqual([
      '.........',
      '.........',
      '.#######.',
      '.#######.',
      '.#######.',
      '.........',
      '.........',
    ]);
  });

  it('a single-point stroke is a disc', () => {
    expect(maskOf(7, 7, [{ kind: 'stroke', points: [[3.5, 3.5]], width: 4, ab: [1, 1] }])).toEqual([
      '.......',
      '...#...',
      '..###..',
      '.#####.',
      '..###..',
      '...#...',
      '.......',
    ]);
  });

  it('a thin stroke marks every pixel its line passes through', () => {
    // y = 0.5 + (x − 0.5)/2 from x = 0.5 to 6.5 crosses rows at x = 1.5, 3.5, 5.5.
    expect(
      maskOf(7, 4, [
        {
          kind: 'stroke',
          points: [
            [0.5, 0.5],
            [6.5, 3.5],
          ],
          width: 0.2,
          ab: [1, 1],
        },
      ]),
    ).toEqual(['##.....', '.###...', '...###.', '.....##']);
  });

  it('later hints overwrite earlier ones; erase clears mask and ab', () => {
    const session = sessionOf(6, 3, [
      { kind: 'point', x: 2, y: 2, size: 2, ab: [10, -10] }, // [1, 3)²: columns 1–2, rows 1–2
      {
        kind: 'stroke',
        points: [
          [2.5, 1.5],
          [4.5, 1.5],
        ],
        width: 1,
        ab: [-30, 40],
      }, // row 1, cols 2–4
      { kind: 'erase', points: [[1.5, 2.5]], width: 1 }, // row 2 col 1 (its own pixel only)
    ]);
    const { mask, ab } = rasterizeHints(session, 6, 3);
    expect(drawMask(mask, 6)).toEqual(['......', '.####.', '..#...']);
    const abAt = (i: number, j: number) => [ab[2 * (i * 6 + j)], ab[2 * (i * 6 + j) + 1]];
    expect(abAt(1, 1)).toEqual([10, -10]);
    expect(abAt(1, 2)).toEqual([-30, 40]); // overlap: the stroke came later
    expect(abAt(2, 2)).toEqual([10, -10]);
    expect(abAt(1, 4)).toEqual([-30, 40]);
    expect(abAt(2, 1)).toEqual([0, 0]); // erased
    expect(abAt(0, 0)).toEqual([0, 0]);
  });
});

describe('scaling to another resolution', () => {
  it('scales coordinates and point sizes by width/image.width and height/image.height', () => {
    // 8×8 → 4×4: the square [0, 4) × [4, 8) becomes [0, 2) × [2, 4).
    expect(maskOf(8, 8, [{ kind: 'point', x: 2, y: 6, size: 4, ab: [1, 1] }], 4, 4)).toEqual([
      '....',
      '....',
      '##..',
      '##..',
    ]);
  });

  it('scales stroke widths per axis (a disc becomes an ellipse)', () => {
    // 8×4 → 4×4 (sx = 0.5, sy = 1), disc of radius 2 at (4, 2): target centres map back to
    // u = 2j + 1, v = i + 0.5; only j = 1, 2 (|u − 4| = 1) are within 2, on every row.
    expect(
      maskOf(8, 4, [{ kind: 'stroke', points: [[4, 2]], width: 4, ab: [1, 1] }], 4, 4),
    ).toEqual(['.##.', '.##.', '.##.', '.##.']);
  });

  it('a sub-pixel point marks the target pixel containing its scaled centre', () => {
    // 100×100 → 10×10: (37, 52) → (3.7, 5.2), the square [3.65, 3.75) × [5.15, 5.25) holds no
    // pixel centre, so pixel (row 5, column 3) is marked, and only it.
    const { mask } = rasterizeHints(
      sessionOf(100, 100, [{ kind: 'point', x: 37, y: 52, size: 1, ab: [1, 1] }]),
      10,
      10,
    );
    expect(Array.from(mask.keys()).filter((k) => mask[k])).toEqual([5 * 10 + 3]);
  });
});

describe('rasterizeHints buffers and arguments', () => {
  const session = sessionOf(4, 4, [{ kind: 'point', x: 1, y: 1, size: 2, ab: [3, 4] }]);

  it('reuses and clears preallocated buffers', () => {
    const out = { ab: new Float32Array(32).fill(9), mask: new Uint8Array(16).fill(1) };
    const result = rasterizeHints(session, 4, 4, out);
    expect(result).toBe(out);
    expect(result).toEqual(rasterizeHints(session, 4, 4));
  });

  it('rejects bad sizes and mismatched buffers with a clear error', () => {
    expect(() => rasterizeHints(session, 0, 4)).toThrow('width must be a positive integer, got 0');
    expect(() => rasterizeHints(session, 4, 2.5)).toThrow('height must be a positive integer');
    const small = { ab: new Float32Array(8), mask: new Uint8Array(4) };
    expect(() => rasterizeHints(session, 4, 4, small)).toThrow(/a 4×4 raster needs 32 \/ 16/);
  });
});
