import type { HintSpread, PointHint, StrokeHint } from '../../core/session/types';

/**
 * `hint` with its spread fields (contain, reach) replaced by `spread`'s: contain is written
 * only when true and reach only when set, so a hint left at the defaults stays as v2 wrote it
 * (and renders exactly as then).
 */
export function withSpread<H extends PointHint | StrokeHint>(hint: H, spread: HintSpread): H {
  const { contain: _contain, reach: _reach, ...rest } = hint;
  return {
    ...rest,
    ...(spread.contain === true ? { contain: true } : {}),
    ...(spread.reach !== undefined ? { reach: spread.reach } : {}),
  } as H;
}

/** The spread fields of a hint, defaults omitted. */
export function spreadOf(hint: HintSpread): HintSpread {
  return {
    ...(hint.contain === true ? { contain: true } : {}),
    ...(hint.reach !== undefined ? { reach: hint.reach } : {}),
  };
}
