import { useState } from 'react';
import type { GlobalHints, PaletteEntry, SessionReference } from '../../core/session/types';
import { abToHex } from '../color/swatch';
import type { ReferenceControl } from '../hooks/useReference';
import { FractionSlider } from './FractionSlider';
import { abKey, withUniqueKeys } from './uniqueKeys';
import { VividnessSlider } from './VividnessSlider';

interface Props {
  global: GlobalHints;
  onChange: (patch: Partial<GlobalHints>) => void;
  vividness: number;
  onVividness: (vividness: number) => void;
  /** Slider press/release: the values in between form one undo step. */
  onAdjust: (phase: 'begin' | 'end') => void;
  /** The session's reference photo (absent: none) and how to load or remove one. */
  reference: SessionReference | undefined;
  referenceControl: ReferenceControl;
  /** Points the reference placed that are still unedited. */
  referencePoints: number;
}

/** Default saturation when the user switches the slider on: about an old hand-tinted print. */
const DEFAULT_SATURATION = 0.35;

/** Global hints: a reference photo's palette and an overall saturation, both optional; and
 * the vividness of the automatic colours, which sits with them as the other image-wide control. */
export function GlobalPanel({
  global,
  onChange,
  vividness,
  onVividness,
  onAdjust,
  reference,
  referenceControl,
  referencePoints,
}: Props) {
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState(false);

  const applyReference = async (file: File | undefined) => {
    if (!file) return;
    try {
      setError(null);
      await referenceControl.load(file);
    } catch (e) {
      setError(`Could not use “${file.name}”: ${(e as Error).message}.`);
    }
  };

  return (
    <section className="panel" aria-labelledby="global-heading">
      <h2 id="global-heading">Global hints</h2>
      <label
        className={over ? 'dropzone over' : 'dropzone'}
        onDragOver={(e) => {
          e.preventDefault();
          e.stopPropagation();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          e.stopPropagation();
          setOver(false);
          void applyReference(e.dataTransfer.files[0]);
        }}
      >
        <input
          type="file"
          accept="image/jpeg,image/png,image/webp"
          aria-label="Reference photo"
          onChange={(e) => {
            void applyReference(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        {referenceControl.busy
          ? 'Matching the reference…'
          : 'Drop a colour photo of the same scene here, or click to choose one: the regions that line up with this photo become colour points'}
      </label>
      {reference && (
        <ReferenceCard
          reference={reference}
          thumbnail={referenceControl.thumbnail}
          points={referencePoints}
          onRemove={referenceControl.remove}
        />
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {global.palette && <PaletteBar palette={global.palette} />}
      {global.palette && (
        <button
          type="button"
          className="link"
          aria-label="Clear palette"
          onClick={() => onChange({ palette: null })}
        >
          Clear palette
        </button>
      )}
      <label className="row">
        <input
          type="checkbox"
          aria-label="Set saturation"
          checked={global.saturation !== null}
          onChange={(e) => onChange({ saturation: e.target.checked ? DEFAULT_SATURATION : null })}
        />
        Saturation
        <FractionSlider
          label="Saturation"
          disabled={global.saturation === null}
          value={global.saturation ?? DEFAULT_SATURATION}
          onChange={(saturation) => onChange({ saturation })}
          onAdjust={onAdjust}
        />
        <output>
          {global.saturation === null ? 'auto' : `${Math.round(global.saturation * 100)} %`}
        </output>
      </label>
      <VividnessSlider vividness={vividness} onChange={onVividness} onAdjust={onAdjust} />
    </section>
  );
}

function ReferenceCard({
  reference,
  thumbnail,
  points,
  onRemove,
}: {
  reference: SessionReference;
  thumbnail: string | null;
  points: number;
  onRemove: () => void;
}) {
  return (
    <figure className="reference" data-testid="reference">
      {thumbnail && <img src={thumbnail} alt={`Reference: ${reference.name}`} />}
      <figcaption>
        {reference.name} · {points} {points === 1 ? 'point' : 'points'} from it
        <button type="button" className="link" aria-label="Remove reference" onClick={onRemove}>
          Remove reference
        </button>
      </figcaption>
    </figure>
  );
}

function PaletteBar({ palette }: { palette: PaletteEntry[] }) {
  const total = palette.reduce((s, p) => s + p.weight, 0) || 1;
  return (
    <div
      className="palette"
      role="img"
      aria-label={`Palette of ${palette.length} colours`}
      data-testid="palette"
    >
      {withUniqueKeys(palette, (p) => abKey(p.ab)).map(({ key, item: p }) => (
        <span
          key={key}
          style={{ flexGrow: p.weight / total, background: abToHex(p.ab) }}
          title={`${Math.round((p.weight / total) * 100)} %`}
        />
      ))}
    </div>
  );
}
