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
              <Ring
                x={hint.x}
                y={hint.y}
                side={side}
                gap={2.5}
                px={px}
                colour="#ffb020"
                dash={[3, 2]}
              />
            )}
            {isSelected && (
              <Ring
                x={hint.x}
                y={hint.y}
                side={side}
                gap={4}
                px={px}
                colour="#4da3ff"
                dash={[4, 3]}
              />
            )}
          </Group>
        );
      })}
    </Group>
  );
}

interface RingProps {
  x: number;
  y: number;
  side: number;
  /** Screen pixels between the marker and the ring. */
  gap: number;
  /** Source pixels per screen pixel. */
  px: number;
  colour: string;
  /** Dash and gap lengths in screen pixels. */
  dash: [number, number];
}

/** A dashed square ring around a point marker, a constant number of screen pixels out. */
function Ring({ x, y, side, gap, px, colour, dash }: RingProps) {
  const out = side + 2 * gap * px;
  return (
    <Rect
      x={x - out / 2}
      y={y - out / 2}
      width={out}
      height={out}
      stroke={colour}
      strokeWidth={1.5 * px}
      dash={[dash[0] * px, dash[1] * px]}
    />
  );
}
