import type { PointHint, Session } from '../core/session/types';
import { lightnessAt } from './color/swatch';
import type { Photo } from './photo/photo';
import { isPoint } from './tools/geometry';

/** L* shown in the picker when no point is selected: mid-tone, where the gamut is widest. */
const DEFAULT_PICKER_LIGHTNESS = 60;

export function selectedPointOf(
  session: Session | null,
  selected: number | null,
): PointHint | null {
  if (!session || selected === null) return null;
  const hint = session.hints[selected];
  return isPoint(hint) ? hint : null;
}

/** The lightness the colour picker shows: the photo's L* under the selected point. */
export function lightnessLookupFor(photo: Photo | null, point: PointHint | null): number {
  if (!photo || !point) return DEFAULT_PICKER_LIGHTNESS;
  return lightnessAt(photo.grey, photo.sourceWidth, photo.sourceHeight, point.x, point.y);
}

/** What the status bar counts as hints: points and strokes, the colours the user gave. An
 * eraser stroke is a hint in the session file but no colour, so it is not counted. */
export function colourHintCount(session: Session | null): number {
  return session?.hints.filter((h) => h.kind !== 'erase').length ?? 0;
}

/** What Clear all is about to remove, said plainly (null when there is nothing to clear). */
export function clearAllNotice(session: Session | null): string | null {
  if (!session) return null;
  const parts: string[] = [];
  const colours = colourHintCount(session);
  if (colours > 0) parts.push(`${colours} ${colours === 1 ? 'hint' : 'hints'}`);
  else if (session.hints.length > 0) parts.push('the eraser strokes');
  if (session.global.palette) parts.push('the palette');
  if (session.global.saturation !== null) parts.push('the saturation');
  if (parts.length === 0) return null;
  const list =
    parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return `Cleared ${list}. Ctrl+Z brings back what was cleared.`;
}
