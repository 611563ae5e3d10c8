import { useEffect, useRef } from 'react';
import { SHORTCUTS } from '../shortcuts';

/** The shortcut list, generated from the same table the key handler uses. A native modal
 * <dialog> gives focus trapping and Escape-to-close for free. */
export function HelpDialog({ onClose }: { onClose: () => void }) {
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
      <button type="button" onClick={onClose} aria-label="Close help">
        Close
      </button>
    </dialog>
  );
}
