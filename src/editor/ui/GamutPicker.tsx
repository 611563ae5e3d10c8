import { useEffect, useRef, useState } from 'react';
import { gamutSliceRgba, snapToGamut } from '../../core/color';
import type { Ab } from '../../core/session/types';

interface Props {
  lightness: number;
  value: Ab;
  onPick: (ab: Ab) => void;
}

/** Picker resolution (px) and ab half-range: ±110 is the ab scale the net was trained with. */
const SIZE = 180;
const RANGE = 110;

/**
 * The ab plane at one lightness: every colour shown can actually be displayed at the point's
 * L*, so what the user picks is what the photo can show. Clicks outside the gamut snap to it.
 */
export function GamutPicker({ lightness, value, onPick }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  // While dragging, the marker follows the pointer; the colour is applied on release so a drag
  // across the picker is one edit (one undo step), not dozens.
  const [dragging, setDragging] = useState<Ab | null>(null);
  const L = Math.min(99, Math.max(1, lightness));

  useEffect(() => {
    const context = canvasRef.current?.getContext('2d');
    if (!context) return;
    const rgba = new Uint8ClampedArray(gamutSliceRgba(L, SIZE, RANGE));
    context.putImageData(new ImageData(rgba, SIZE, SIZE), 0, 0);
  }, [L]);

  const abAt = (event: React.PointerEvent<HTMLCanvasElement>): Ab => {
    const rect = event.currentTarget.getBoundingClientRect();
    const x = ((event.clientX - rect.left) / rect.width) * SIZE;
    const y = ((event.clientY - rect.top) / rect.height) * SIZE;
    const step = (2 * RANGE) / SIZE;
    const [a, b] = snapToGamut(L, -RANGE + x * step, RANGE - y * step);
    return [Math.round(a * 10) / 10, Math.round(b * 10) / 10];
  };

  const shown = dragging ?? value;
  const markerLeft = ((shown[0] + RANGE) / (2 * RANGE)) * 100;
  const markerTop = ((RANGE - shown[1]) / (2 * RANGE)) * 100;
  return (
    <div className="gamut">
      <canvas
        ref={canvasRef}
        width={SIZE}
        height={SIZE}
        aria-label={`Colour picker: a* b* plane at lightness ${L.toFixed(0)}`}
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
      />
      <span className="gamut-marker" style={{ left: `${markerLeft}%`, top: `${markerTop}%` }} />
    </div>
  );
}
