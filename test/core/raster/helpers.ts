import { emptySession, type Hint, type Session } from '../../../src/core/session';

export function sessionOf(width: number, height: number, hints: Hint[]): Session {
  return { ...emptySession({ width, height, name: 'test' }), hints };
}

/** A mask drawn as text, one row per line, '#' = marked: easy to compare with hand drawings. */
export function drawMask(mask: Uint8Array, width: number): string[] {
  const rows: string[] = [];
  for (let i = 0; i * width < mask.length; i++) {
    rows.push(
      Array.from(mask.subarray(i * width, (i + 1) * width), (m) => (m ? '#' : '.')).join(''),
    );
  }
  return rows;
}

/** Number of 8-connected components among marked pixels. */
export function components8(mask: Uint8Array, width: number): number {
  const height = mask.length / width;
  const seen = new Uint8Array(mask.length);
  let count = 0;
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || seen[start]) continue;
    count++;
    const stack = [start];
    seen[start] = 1;
    while (stack.length > 0) {
      const index = stack.pop() as number;
      const i = Math.floor(index / width);
      const j = index % width;
      for (let di = -1; di <= 1; di++) {
        for (let dj = -1; dj <= 1; dj++) {
          const ni = i + di;
          const nj = j + dj;
          if (ni < 0 || nj < 0 || ni >= height || nj >= width) continue;
          const next = ni * width + nj;
          if (mask[next] && !seen[next]) {
            seen[next] = 1;
            stack.push(next);
          }
        }
      }
    }
  }
  return count;
}
