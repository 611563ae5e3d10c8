/** Interleaved ab, w × h pixels, every pixel (a, b). */
export function abOf(w: number, h: number, a: number, b: number): Float32Array {
  const ab = new Float32Array(w * h * 2);
  for (let i = 0; i < w * h; i++) {
    ab[2 * i] = a;
    ab[2 * i + 1] = b;
  }
  return ab;
}
