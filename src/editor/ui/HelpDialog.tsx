import { useEffect, useRef } from 'react';
import { SHORTCUTS } from '../shortcuts';

/** The shortcut list, generated from the same table the key handler uses. A native modal
 * <dialog> gives focus trapping and Escape-to-close for free. */
export function HelpDialog({
  onClose,
  onShowGuide,
}: {
  onClose: () => void;
  /** Shows the first-run guide again over the photo. */
  onShowGuide: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="modal" aria-labelledby="help-heading" onClose={onClose}>
      <h2 id="help-heading">Keyboard shortcuts</h2>
      <table>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.command}>
              <td>
                <kbd>{s.keys}</kbd>
              </td>
              <td>{s.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint-text">
        Drag with the middle button, Alt or Space held to pan. The wheel zooms; over the selected
        point it resizes the point. Drop or paste a photo anywhere to open it.
      </p>
      <p className="hint-text">
        Without a mouse: Tab to the photo; the arrow keys move its cursor (Shift: farther) and Enter
        uses the tool there. On the colour picker the arrow keys change the colour. Space or Enter
        presses the focused button; Esc closes this dialog and the demo menu.
      </p>
      <p className="hint-text">
        A new point starts as the colour shown under it, the network&apos;s own guess. Picking a
        colour while no point is selected makes new points take that colour instead; choose
        &ldquo;the colour shown there&rdquo; in the colour panel to go back to the guess. With a
        point selected, a colour you pick recolours that point.
      </p>
      <button
        type="button"
        onClick={() => {
          onShowGuide();
          onClose();
        }}
      >
        Show the getting-started guide
      </button>
      <button type="button" onClick={onClose} aria-label="Close help">
        Close
      </button>
    </dialog>
  );
}
