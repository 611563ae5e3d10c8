import { Group, Line, Rect } from 'react-konva';
import type { Hint } from '../../core/session/types';
import { abToHex } from '../color/swatch';

interface Props {
  hints: Hint[];
  selected: number | null;
  /** Current view scale: outlines are drawn a constant number of screen pixels wide. */
  scale: number;
}

/** Smallest on-screen size of a point marker, so 1-px hints on a zoomed-out photo stay visible. */
const MIN_MARKER_PX = 9;

/** Hints drawn over the photo: points as squares (their true footprint), scribbles as lines. */
export function HintsOverlay({ hints, selected, scale }: Props) {
  const px = 1 / scale;
  return (
    <Group listening={false}>
      {hints.map((hint, index) => {
        const key = `${index}-${hint.kind}`;
        if (hint.kind === 'erase') {
          return (
            <Line
              key={key}
              points={hint.points.flat()}
              stroke="rgba(20,20,20,0.35)"
              strokeWidth={hint.width}
              lineCap="round"
              lineJoin="round"
              dash={[6 * px, 6 * px]}
            />
          );
        }
        if (hint.kind === 'stroke') {
          const flat =
            hint.points.length === 1 ? [...hint.points[0], ...hint.points[0]] : hint.points.flat();
          return (
            <Line
              key={key}
              points={flat}
              stroke={abToHex(hint.ab)}
              strokeWidth={hint.width}
              lineCap="round"
              lineJoin="round"
              opacity={0.8}
            />
          );
        }
        const side = Math.max(hint.size, MIN_MARKER_PX * px);
        const isSelected = index === selected;
        return (
          <Group key={key}>
            <Rect
              x={hint.x - side / 2}
              y={hint.y - side / 2}
              width={side}
              height={side}
              fill={abToHex(hint.ab)}
              stroke={isSelected ? '#ffffff' : 'rgba(0,0,0,0.85)'}
              strokeWidth={(isSelected ? 2.5 : 1.5) * px}
            />
            {hint.from === 'reference' && (
              // Placed from the reference photo and not edited since: an amber dashed ring.
              <Rect
                x={hint.x - side / 2 - 2.5 * px}
                y={hint.y - side / 2 - 2.5 * px}
                width={side + 5 * px}
                height={side + 5 * px}
                stroke="#ffb020"
                strokeWidth={1.5 * px}
                dash={[3 * px, 2 * px]}
              />
            )}
            {isSelected && (
              <Rect
                x={hint.x - side / 2 - 4 * px}
                y={hint.y - side / 2 - 4 * px}
                width={side + 8 * px}
                height={side + 8 * px}
                stroke="#4da3ff"
                strokeWidth={1.5 * px}
                dash={[4 * px, 3 * px]}
              />
            )}
          </Group>
        );
      })}
    </Group>
  );
}
