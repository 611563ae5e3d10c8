import { HATCH_RGB } from '../photo/uncertaintyHatch';
import './guidance.css';

const HATCH = `rgb(${HATCH_RGB.join(' ')})`;

/**
 * Explains the uncertainty overlay while it is on: the hatching marks where the network is
 * unsure (another hint helps most there); the photo's colours underneath are unchanged.
 */
export function UncertaintyLegend({ onHide }: { onHide: () => void }) {
  return (
    <section
      className="overlay-card uncertainty-legend"
      aria-labelledby="uncertainty-legend-heading"
      data-testid="uncertainty-legend"
    >
      <h2 id="uncertainty-legend-heading">Uncertainty overlay: on</h2>
      <p>Where another hint would help most.</p>
      <div className="legend-scale" aria-hidden="true">
        <span className="legend-sample" style={{ background: 'transparent' }} />
        <span
          className="legend-sample"
          style={{
            borderColor: HATCH,
            background: `repeating-linear-gradient(135deg, ${HATCH} 0 1.5px, transparent 1.5px 7px)`,
          }}
        />
        <span
          className="legend-sample"
          style={{
            borderColor: HATCH,
            background: `repeating-linear-gradient(135deg, ${HATCH} 0 3.5px, transparent 3.5px 7px)`,
          }}
        />
      </div>
      <div className="legend-labels">
        <span>sure</span>
        <span>unsure: add a hint</span>
      </div>
      <p className="legend-note">
        Outlined and hatched: the less sure half of the photo. Hatching only marks places; the
        colours are not changed.
      </p>
      <button type="button" onClick={onHide}>
        Hide overlay (U)
      </button>
    </section>
  );
}
