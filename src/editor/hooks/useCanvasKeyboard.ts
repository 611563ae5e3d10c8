import { useState } from 'react';
import type { EditorStore } from '../store/editorStore';
import { type Cursor, describePress, moveCursor } from '../ui/canvasKeys';

/**
 * Placing hints without a pointer: while the photo canvas has focus, arrow keys move a
 * keyboard cursor (it starts at the photo's centre) and Enter presses the active tool there —
 * with the point tool, a point of the current colour. What happened is announced.
 */
export function useCanvasKeyboard(
  store: EditorStore,
  scale: number,
  width: number,
  height: number,
  grabTolerance: number,
) {
  const [cursor, setCursor] = useState<Cursor | null>(null);
  // Shown while focus came from the keyboard (or a key was used): a mouse click also focuses
  // the canvas, and a cursor appearing then would only confuse.
  const [keyboardFocus, setKeyboardFocus] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const at = cursor ?? { x: width / 2, y: height / 2 };
    const moved = moveCursor(at, event, scale, width, height);
    if (moved) {
      event.preventDefault();
      setKeyboardFocus(true);
      setCursor(moved);
      return;
    }
    if (event.key !== 'Enter' || event.repeat) return;
    event.preventDefault();
    setKeyboardFocus(true);
    const before = store.session;
    store.pointerDown(at.x, at.y, grabTolerance);
    store.pointerUp(at.x, at.y);
    const { settings, selected } = store.getSnapshot();
    setAnnouncement(describePress(settings.tool, before, store.session, selected, at));
  };

  return {
    /** Where Enter acts; shown only while the canvas has focus. */
    cursor: keyboardFocus ? (cursor ?? { x: width / 2, y: height / 2 }) : null,
    announcement,
    handlers: {
      onKeyDown,
      onFocus: (event: React.FocusEvent<HTMLDivElement>) =>
        setKeyboardFocus(event.currentTarget.matches(':focus-visible')),
      onBlur: () => setKeyboardFocus(false),
    },
  };
}
