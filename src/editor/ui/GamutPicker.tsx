import { useEffect, useRef, useState } from 'react';
import { gamutSliceRgba, relightAb } from '../../core/color';
import type { Ab } from '../../core/session/types';
import { abToHex } from '../color/swatch';
import { pickerKeyStep } from './pickerKeys';

interface Props {
  lightness: number;
  value: Ab;
  onPick: (ab: Ab) => void;
}

/** Picker resolution (px) and ab half-range: ±110 is the ab scale the net was trained with. */
const SIZE = 180;
const RANGE = 110;
/** Arrow presses closer together than this make one pick (one undo step, one recent colour). */
const KEY_PICK_DELAY_MS = 700;

/**
 * The ab plane at one lightness: every colour shown can actually be displayed at the point's
 * L*, so what the user picks is what the photo can show. A pick outside the gamut keeps its
 * hue and comes in to the largest displayable chroma, and the marker always sits on the
 * displayable colour that a value re-lit to this L* gives. Arrow keys move the colour (Shift:
 * in larger steps); like a pointer drag, a run of presses is one pick, made once the keys rest
 * (or focus leaves).
 */
export function GamutPicker({ lightness, value, onPick }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  // While dragging, the marker follows the pointer; the colour is applied on release so a drag
  // across the picker is one edit (one undo step), not dozens.
  const [dragging, setDragging] = useState<Ab | null>(null);
  const keyPick = useRef<{ ab: Ab; timer?: number } | null>(null);
  const commitKeyPick = () => {
    const pick = keyPick.current;
    if (!pick) return;
    window.clearTimeout(pick.timer);
    keyPick.current = null;
    setDragging(null);
    onPick(pick.ab);
  };
  useEffect(() => () => window.clearTimeout(keyPick.current?.timer), []);
  const L = Math.min(99, Math.max(1, lightness));

  useEffect(() => {
    const context = canvasRef.current?.getContext('2d');
    if (!context) return;
    const rgba = new Uint8ClampedArray(gamutSliceRgba(L, SIZE, RANGE));
    context.putImageData(new ImageData(rgba, SIZE, SIZE), 0, 0);
  }, [L]);

  const displayable = (a: number, b: number): Ab => {
    const [ra, rb] = relightAb(L, a, b);
    return [ra, rb];
  };

  const abAt = (event: React.PointerEvent<HTMLCanvasElement>): Ab => {
    const rect = event.currentTarget.getBoundingClientRect();
    const x = ((event.clientX - rect.left) / rect.width) * SIZE;
    const y = ((event.clientY - rect.top) / rect.height) * SIZE;
    const step = (2 * RANGE) / SIZE;
    return displayable(-RANGE + x * step, RANGE - y * step);
  };

  const shown = dragging ?? displayable(value[0], value[1]);
  const markerLeft = ((shown[0] + RANGE) / (2 * RANGE)) * 100;
  const markerTop = ((RANGE - shown[1]) / (2 * RANGE)) * 100;
  return (
    <div className="gamut">
      <canvas
        ref={canvasRef}
        width={SIZE}
        height={SIZE}
        tabIndex={0}
        aria-label={`Colour picker at lightness ${L.toFixed(0)}: a* ${shown[0].toFixed(0)}, b* ${shown[1].toFixed(0)}, ${abToHex(shown, L)}. Arrow keys change the colour.`}
        data-testid="gamut"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          setDragging(abAt(e));
        }}
        onPointerMove={(e) => {
          if (dragging) setDragging(abAt(e));
        }}
        onPointerUp={(e) => {
          if (!dragging) return;
          setDragging(null);
          onPick(abAt(e));
        }}
        onPointerCancel={() => setDragging(null)}
        onKeyDown={(e) => {
          const step = pickerKeyStep(e);
          if (!step) return;
          e.preventDefault();
          e.stopPropagation();
          const next = displayable(shown[0] + step[0], shown[1] + step[1]);
          window.clearTimeout(keyPick.current?.timer);
          keyPick.current = { ab: next };
          setDragging(next);
        }}
        onKeyUp={(e) => {
          const pick = keyPick.current;
          if (!pickerKeyStep(e) || !pick) return;
          window.clearTimeout(pick.timer);
          pick.timer = window.setTimeout(commitKeyPick, KEY_PICK_DELAY_MS);
        }}
        onBlur={() => {
          if (keyPick.current) commitKeyPick();
          else setDragging(null);
        }}
      />
      <span className="gamut-marker" style={{ left: `${markerLeft}%`, top: `${markerTop}%` }} />
    </div>
  );
}
