import './guidance.css';

/** Getting started, over the photo: what to click and what the tools do. */
export function FirstRunGuide({ onDismiss }: { onDismiss: () => void }) {
  return (
    <section
      className="overlay-card first-run-guide"
      aria-labelledby="first-run-heading"
      data-testid="first-run-guide"
    >
      <h2 id="first-run-heading">Colour this photo</h2>
      <p>
        <strong>Click a region</strong> to add a colour point. It starts as the colour the network
        shows there; pick another colour on the right and the whole photo follows.
      </p>
      <ul>
        <li>
          <kbd>P</kbd> point: click to add, drag to move, <kbd>Delete</kbd> removes it
        </li>
        <li>
          <kbd>B</kbd> brush: paint a scribble of the current colour
        </li>
        <li>
          <kbd>E</kbd> eraser: removes hints under it
        </li>
        <li>
          <strong>Natural ↔ Vivid</strong> (right): how boldly the automatic colouring commits
        </li>
        <li>
          <kbd>U</kbd> shows where another hint would help most; <kbd>?</kbd> all shortcuts
        </li>
      </ul>
      <button type="button" onClick={onDismiss}>
        Got it
      </button>
    </section>
  );
}
