import { FractionSlider } from './FractionSlider';

interface Props {
  vividness: number;
  onChange: (vividness: number) => void;
  onAdjust: (phase: 'begin' | 'end') => void;
}

/**
 * Natural ↔ Vivid: how boldly the automatic pass (the photo before any point or stroke) commits
 * to colours (src/colorizer/vividness.ts). Once there are hints the user's colours decide, so
 * the tooltip says so: users otherwise expect it to recolour their hints too.
 */
export function VividnessSlider({ vividness, onChange, onAdjust }: Props) {
  const percent = Math.round(vividness * 100);
  return (
    <label
      className="row"
      title="How vivid the automatic colours are, before you add points or strokes; once you do, your colours decide"
    >
      <span aria-hidden="true">Natural</span>
      <FractionSlider
        label="Vividness"
        valueText={`${percent} % (0 natural, 100 vivid)`}
        value={vividness}
        onChange={onChange}
        onAdjust={onAdjust}
      />
      <span aria-hidden="true">Vivid</span>
      <output>{percent} %</output>
    </label>
  );
}
