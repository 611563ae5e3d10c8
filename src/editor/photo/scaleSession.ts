import type { Hint, Session } from '../../core/session/types';

/**
 * A session's hints mapped into a downscaled working image. Hints are stored in source pixels
 * (DEVELOPERS.md); when the editor works on a reduced copy of a huge photo, the network must see
 * them in that copy's pixels. Sizes are kept ≥ 1 px so a tiny point never vanishes.
 */
export function scaleSession(session: Session, width: number, height: number): Session {
  const sx = width / session.image.width;
  const sy = height / session.image.height;
  if (sx === 1 && sy === 1) return session;
  const s = Math.sqrt(sx * sy);
  // A reach is a distance in source pixels too.
  const reach = (h: { reach?: number }) => (h.reach === undefined ? {} : { reach: h.reach * s });
  const scaleHint = (hint: Hint): Hint => {
    switch (hint.kind) {
      case 'point':
        return {
          ...hint,
          ...reach(hint),
          x: hint.x * sx,
          y: hint.y * sy,
          size: Math.max(1, hint.size * s),
        };
      case 'stroke':
        return {
          ...hint,
          ...reach(hint),
          points: hint.points.map(([x, y]) => [x * sx, y * sy]),
          width: Math.max(1, hint.width * s),
        };
      case 'erase':
        return {
          ...hint,
          points: hint.points.map(([x, y]) => [x * sx, y * sy]),
          width: Math.max(1, hint.width * s),
        };
    }
  };
  return {
    ...session,
    image: { ...session.image, width, height },
    hints: session.hints.map(scaleHint),
  };
}
