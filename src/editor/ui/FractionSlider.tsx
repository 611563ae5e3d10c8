interface Props {
  /** The accessible name (also what the e2e tests find it by). */
  label: string;
  value: number;
  onChange: (value: number) => void;
  /** Slider press/release: the values in between form one undo step. */
  onAdjust: (phase: 'begin' | 'end') => void;
  disabled?: boolean;
  /** What a screen reader says for the value, when the number alone does not explain it. */
  valueText?: string;
}

/**
 * A 0–1 slider in steps of 0.01 (the session's saturation and vividness): one drag, from press
 * to release, is one undo step, because the store's beginAdjust/endAdjust bracket it.
 */
export function FractionSlider({ label, value, onChange, onAdjust, disabled, valueText }: Props) {
  return (
    <input
      type="range"
      min={0}
      max={1}
      step={0.01}
      aria-label={label}
      aria-valuetext={valueText}
      disabled={disabled}
      value={value}
      onPointerDown={() => onAdjust('begin')}
      onPointerUp={() => onAdjust('end')}
      onChange={(e) => onChange(Number(e.target.value))}
    />
  );
}
