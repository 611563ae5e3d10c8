/** Colour science for Tintype: sRGB ↔ linear RGB ↔ XYZ (D65) ↔ CIELAB, gamut, ΔE00, saturation. */
export { ciede2000 } from './ciede2000';
export {
  CIE_DELTA,
  CIE_EPSILON,
  CIE_KAPPA,
  D65_WHITE,
  SRGB_TO_XYZ,
  XYZ_TO_SRGB,
} from './constants';
export { GAMUT_TOLERANCE, inGamut, snapToGamut } from './gamut';
export { gamutSliceRgba } from './gamut-slice';
export {
  type Lab,
  labF,
  labFInverse,
  labToLinearRgbInto,
  labToSrgb8,
  labToSrgbFloat,
  labToSrgbFloatInto,
  lightnessFromLuminance,
  linearRgbToLabInto,
  luminanceFromLightness,
  type NumberSink,
  type Rgb,
  srgb8ToLab,
  srgb8ToLabInto,
  srgbFloatToLab,
} from './lab';
export { composeLabToRgba, rgbaToGreyImage, rgbaToLab } from './lab-image';
export { maxChroma, relightAb } from './relight';
export { hsvSaturation, meanSaturation } from './saturation';
export { linearToSrgb, linearToSrgb8, SRGB8_TO_LINEAR, srgbToLinear } from './srgb';
