/**
 * Mean over a (2r+1)×(2r+1) window with running sums, O(1) per pixel whatever r is.
 * Windows are clipped at the border and divided by the number of pixels actually covered,
 * which is what He et al.'s guided filter expects (no dark halo at the edges).
 */
export function boxMean(
  src: Float32Array,
  width: number,
  height: number,
  radius: number,
  out = new Float32Array(width * height),
  scratch = new Float32Array(width * height),
): Float32Array {
  // Horizontal pass: running sum along each row into scratch (sums, not yet means).
  for (let y = 0; y < height; y++) {
    const o = y * width;
    let acc = 0;
    for (let x = 0; x < Math.min(radius, width); x++) acc += src[o + x];
    for (let x = 0; x < width; x++) {
      const add = x + radius;
      if (add < width) acc += src[o + add];
      const drop = x - radius - 1;
      if (drop >= 0) acc -= src[o + drop];
      scratch[o + x] = acc;
    }
  }
  // Vertical pass on the row sums, then divide by the clipped window area.
  for (let x = 0; x < width; x++) {
    let acc = 0;
    for (let y = 0; y < Math.min(radius, height); y++) acc += scratch[y * width + x];
    const countX = Math.min(x + radius, width - 1) - Math.max(x - radius, 0) + 1;
    for (let y = 0; y < height; y++) {
      const add = y + radius;
      if (add < height) acc += scratch[add * width + x];
      const drop = y - radius - 1;
      if (drop >= 0) acc -= scratch[drop * width + x];
      const countY = Math.min(y + radius, height - 1) - Math.max(y - radius, 0) + 1;
      out[y * width + x] = acc / (countX * countY);
    }
  }
  return out;
}
