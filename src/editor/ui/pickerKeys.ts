/** a*, b* units one arrow press moves the picker's colour; Shift moves five times as far. */
export const PICKER_STEP = 1;
export const PICKER_COARSE_STEP = 5;

/**
 * The change in (a*, b*) an arrow key asks of the colour picker, or null for other keys.
 * The picker draws +a* to the right and +b* upward, so the arrows move the marker the way
 * they point.
 */
export function pickerKeyStep(e: { key: string; shiftKey?: boolean }): [number, number] | null {
  const d = e.shiftKey ? PICKER_COARSE_STEP : PICKER_STEP;
  switch (e.key) {
    case 'ArrowRight':
      return [d, 0];
    case 'ArrowLeft':
      return [-d, 0];
    case 'ArrowUp':
      return [0, d];
    case 'ArrowDown':
      return [0, -d];
    default:
      return null;
  }
}
