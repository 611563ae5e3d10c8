import { relightAb } from '../../core/color';
import type { Ab, Session } from '../../core/session/types';
import type { GestureContext } from './toolGesture';

/** L* of the photo at a source pixel (x, y). */
export type LightnessLookup = (x: number, y: number) => number;

/**
 * Re-lights colours to the photo's L* where they land, so hints get colours the photo can
 * display there: hue kept, chroma reduced into the sRGB gamut (pure blue on a light sky stays
 * blue, not violet). Without a lookup (no photo decoded yet) colours pass unchanged.
 */
export class HintRelighter {
  private lightnessAt: LightnessLookup | null = null;

  setLookup(lookup: LightnessLookup | null): void {
    this.lightnessAt = lookup;
  }

  /** `context` with the current colour re-lit to the photo's L* at (x, y). */
  atPixel(context: GestureContext, x: number, y: number): GestureContext {
    const L = this.lightnessAt?.(x, y);
    if (L === undefined) return context;
    const color = relitAb(L, context.settings.color);
    return { ...context, settings: { ...context.settings, color } };
  }

  /** `color` re-lit to the L* under the point at `selected` (unchanged without one). */
  atSelectedPoint(session: Session | null, selected: number | null, color: Ab): Ab {
    const hint = selected === null ? undefined : session?.hints[selected];
    const L = hint?.kind === 'point' ? this.lightnessAt?.(hint.x, hint.y) : undefined;
    return L === undefined ? [color[0], color[1]] : relitAb(L, color);
  }
}

function relitAb(L: number, color: Ab): Ab {
  const [a, b] = relightAb(Math.min(100, Math.max(0, L)), color[0], color[1]);
  return [a, b];
}
