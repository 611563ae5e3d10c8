import { Circle, Group, Line } from 'react-konva';
import type { Cursor } from './canvasKeys';

/** The canvas's keyboard cursor: a ring the size of the tool with a cross, legible on any photo. */
export function KeyboardCursor({
  at,
  radius,
  scale,
}: {
  at: Cursor;
  radius: number;
  scale: number;
}) {
  const r = Math.max(radius, 6 / scale);
  const arm = r + 8 / scale;
  const cross = [
    [at.x - arm, at.y, at.x - r, at.y],
    [at.x + r, at.y, at.x + arm, at.y],
    [at.x, at.y - arm, at.x, at.y - r],
    [at.x, at.y + r, at.x, at.y + arm],
  ];
  return (
    <Group listening={false}>
      {[
        { color: '#000', width: 3.5 },
        { color: '#fff', width: 1.5 },
      ].map(({ color, width }) => (
        <Group key={color}>
          <Circle x={at.x} y={at.y} radius={r} stroke={color} strokeWidth={width / scale} />
          {cross.map((points) => (
            <Line key={points.join()} points={points} stroke={color} strokeWidth={width / scale} />
          ))}
        </Group>
      ))}
    </Group>
  );
}
