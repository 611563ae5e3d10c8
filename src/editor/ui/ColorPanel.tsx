import { useEffect, useState } from 'react';
import type { Suggestion } from '../../colorizer';
import type { Ab } from '../../core/session/types';
import { abToHex, abToRgb, parseHex, parseRgb, rgbToAb } from '../color/swatch';
import { GamutPicker } from './GamutPicker';
import './guidance.css';
import { abKey, withUniqueKeys } from './uniqueKeys';

interface Props {
  color: Ab;
  recent: Ab[];
  /** L* under the selected point (or a mid grey when none is selected). */
  lightness: number;
  suggestions: Suggestion[];
  hasSelection: boolean;
  onColor: (ab: Ab) => void;
  /** What a new point starts as: the network's guess there, or the colour picked here. */
  newPointColor: 'guess' | 'picked';
  onNewPointColor: (mode: 'guess' | 'picked') => void;
}

/** Colour panel: gamut picker at the point's lightness, hex/RGB entry, recent and suggested. */
export function ColorPanel({
  color,
  recent,
  lightness,
  suggestions,
  hasSelection,
  onColor,
  newPointColor,
  onNewPointColor,
}: Props) {
  const hex = abToHex(color, lightness);
  const [hexText, setHexText] = useState(hex);
  const [rgbText, setRgbText] = useState(abToRgb(color, lightness).join(', '));
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setHexText(abToHex(color, lightness));
    setRgbText(abToRgb(color, lightness).join(', '));
  }, [color, lightness]);

  const submit = (parse: () => [number, number, number]) => {
    try {
      const ab = rgbToAb(parse());
      setError(null);
      onColor([Math.round(ab[0] * 10) / 10, Math.round(ab[1] * 10) / 10]);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="panel" aria-labelledby="color-heading">
      <h2 id="color-heading">
        Colour{' '}
        <span className="swatch big" style={{ background: hex }} data-testid="current-color" />
      </h2>
      <NewPointColor mode={newPointColor} onMode={onNewPointColor} />
      <GamutPicker lightness={lightness} value={color} onPick={onColor} />
      <p className="hint-text">
        Displayable colours at L* {lightness.toFixed(0)}
        {hasSelection ? ' (selected point)' : ''}
      </p>
      <div className="inputs">
        <label>
          Hex
          <input
            aria-label="Hex colour"
            value={hexText}
            onChange={(e) => setHexText(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && submit(() => parseHex(hexText))}
          />
        </label>
        <label>
          RGB
          <input
            aria-label="RGB colour"
            value={rgbText}
            onChange={(e) => setRgbText(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && submit(() => parseRgb(rgbText))}
          />
        </label>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {recent.length > 0 && (
        <>
          <h3>Recent</h3>
          <div className="swatches">
            {withUniqueKeys(recent, abKey).map(({ key, item: ab }) => (
              <button
                key={key}
                type="button"
                className="swatch"
                style={{ background: abToHex(ab, lightness) }}
                aria-label={`Use recent colour ${abToHex(ab, lightness)}`}
                onClick={() => onColor(ab)}
              />
            ))}
          </div>
        </>
      )}
      <h3>Other likely colours here</h3>
      {hasSelection && suggestions.length > 0 ? (
        <div className="swatches" data-testid="suggestions">
          {withUniqueKeys(suggestions, (s) => abKey(s.ab)).map(({ key, item: s }) => (
            <button
              key={key}
              type="button"
              className="swatch suggestion"
              style={{ background: `rgb(${s.rgb.join(',')})` }}
              aria-label={`Use suggested colour rgb(${s.rgb.join(', ')}), ${(s.probability * 100).toFixed(0)} % likely`}
              title={`${(s.probability * 100).toFixed(0)} %`}
              onClick={() => onColor([s.ab[0], s.ab[1]])}
            >
              <span
                className="probability"
                style={{ width: `${Math.max(8, s.probability * 100)}%` }}
              />
            </button>
          ))}
        </div>
      ) : (
        <p className="hint-text">
          Select a point to see other colours the network finds likely there.
        </p>
      )}
    </section>
  );
}

/** Which colour a new point starts as; picking a colour with nothing selected chooses "picked". */
function NewPointColor({
  mode,
  onMode,
}: {
  mode: 'guess' | 'picked';
  onMode: (mode: 'guess' | 'picked') => void;
}) {
  return (
    <fieldset className="new-point-color">
      <legend>New points start as</legend>
      <label>
        <input
          type="radio"
          name="new-point-color"
          checked={mode === 'guess'}
          onChange={() => onMode('guess')}
        />
        the colour shown there
      </label>
      <label>
        <input
          type="radio"
          name="new-point-color"
          checked={mode === 'picked'}
          onChange={() => onMode('picked')}
        />
        this colour
      </label>
    </fieldset>
  );
}
