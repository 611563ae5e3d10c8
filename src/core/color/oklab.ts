import { labToLinearRgbInto } from './lab';

/**
 * OKLab hue (Ottosson 2020) of a CIELAB colour. CIELAB's hue angle is not what people see as
 * one hue across lightness: along a constant (a*, b*) direction, blue turns purple as it gets
 * lighter (the CIELAB "blue bend"). OKLab was fitted to constant-hue data, so it is the yardstick
 * for "the same colour, lighter".
 */

// Ottosson's linear sRGB → LMS and LMS' → Lab matrices (https://bottosson.github.io/posts/oklab/).
const M1 = [
  0.4122214708, 0.5363325363, 0.0514459929, 0.2119034982, 0.6806995451, 0.1073969566, 0.0883024619,
  0.2817188376, 0.6299787005,
] as const;
const M2A = [1.9779984951, -2.428592205, 0.4505937099] as const;
const M2B = [0.0259040371, 0.7827717662, -0.808675766] as const;

const rgb = new Float64Array(3);

/** OKLab hue angle, radians, of CIELAB (L, a, b); colours outside sRGB extrapolate smoothly. */
export function oklabHue(L: number, a: number, b: number): number {
  labToLinearRgbInto(L, a, b, rgb);
  const [r, g, bl] = rgb;
  const l = Math.cbrt(M1[0] * r + M1[1] * g + M1[2] * bl);
  const m = Math.cbrt(M1[3] * r + M1[4] * g + M1[5] * bl);
  const s = Math.cbrt(M1[6] * r + M1[7] * g + M1[8] * bl);
  const okA = M2A[0] * l + M2A[1] * m + M2A[2] * s;
  const okB = M2B[0] * l + M2B[1] * m + M2B[2] * s;
  return Math.atan2(okB, okA);
}
