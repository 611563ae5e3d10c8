import './dropHighlight.css';

/** Shown while a file is dragged over the window: dropping it anywhere opens it. */
export function DropHighlight() {
  return (
    <div className="drop-highlight" data-testid="drop-highlight" aria-hidden="true">
      <span>Drop to open this photo (or a session or project file)</span>
    </div>
  );
}
