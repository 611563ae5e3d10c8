import { useEffect, useRef, useState } from 'react';
import { Circle, Group, Image as KImage, Layer, Line, Stage } from 'react-konva';
import type { Session } from '../../core/session/types';
import { useCanvasKeyboard } from '../hooks/useCanvasKeyboard';
import type { Photo } from '../photo/photo';
import type { EditorStore } from '../store/editorStore';
import type { EditorSettings } from '../store/settings';
import { hitPoint } from '../tools/geometry';
import {
  panBy,
  screenToImage,
  type ViewTransform,
  wheelZoomFactor,
  zoomAt,
} from '../view/viewTransform';
import { HintsOverlay } from './HintsOverlay';
import { KeyboardCursor } from './KeyboardCursor';
import './keyboard.css';

interface Props {
  store: EditorStore;
  photo: Photo;
  session: Session;
  settings: EditorSettings;
  selected: number | null;
  color: HTMLCanvasElement | null;
  uncertainty: HTMLCanvasElement | null;
  view: ViewTransform;
  onView: (view: ViewTransform) => void;
  onSize: (width: number, height: number) => void;
  /** Fraction of the width showing the original (before/after split). */
  split: number;
  spaceHeld: boolean;
}

/** How far (screen px) outside a point a press still grabs it. */
const GRAB_TOLERANCE_PX = 6;

/**
 * The photo stage. Konva only draws (listening off); pointer input is taken on the container
 * element with pointer capture, so drags that leave the canvas still end cleanly.
 */
export function EditorCanvas(props: Props) {
  const { store, photo, session, settings, view, onView, split } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [hover, setHover] = useState<{ x: number; y: number } | null>(null);
  const pan = useRef<{ x: number; y: number } | null>(null);
  const viewRef = useRef(view);
  viewRef.current = view;

  const { onSize } = props;
  useEffect(() => {
    const element = containerRef.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect;
      setSize({ width, height });
      onSize(width, height);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [onSize]);

  // Wheel needs a non-passive listener to stop the page from scrolling.
  useEffect(() => {
    const element = containerRef.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = element.getBoundingClientRect();
      const anchor = { x: event.clientX - rect.left, y: event.clientY - rect.top };
      const at = screenToImage(viewRef.current, anchor);
      const snapshot = store.getSnapshot();
      const s = store.session;
      const overSelected =
        snapshot.settings.tool === 'point' &&
        snapshot.selected !== null &&
        s !== null &&
        hitPoint(s.hints, at.x, at.y, GRAB_TOLERANCE_PX / viewRef.current.scale) ===
          snapshot.selected;
      if (overSelected && !event.ctrlKey) {
        store.setSize(snapshot.settings.pointSize * (event.deltaY < 0 ? 1.15 : 1 / 1.15));
      } else {
        onView(zoomAt(viewRef.current, wheelZoomFactor(event.deltaY), anchor));
      }
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [store, onView]);

  const toImage = (event: React.PointerEvent) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return screenToImage(view, { x: event.clientX - rect.left, y: event.clientY - rect.top });
  };

  const onPointerDown = (event: React.PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    if (event.button === 1 || props.spaceHeld || event.altKey) {
      pan.current = { x: event.clientX, y: event.clientY };
      return;
    }
    if (event.button !== 0) return;
    const p = toImage(event);
    store.pointerDown(p.x, p.y, GRAB_TOLERANCE_PX / view.scale);
  };
  const onPointerMove = (event: React.PointerEvent<HTMLDivElement>) => {
    if (pan.current) {
      onView(panBy(view, event.clientX - pan.current.x, event.clientY - pan.current.y));
      pan.current = { x: event.clientX, y: event.clientY };
      return;
    }
    const p = toImage(event);
    setHover(p);
    store.pointerMove(p.x, p.y);
  };
  const onPointerUp = (event: React.PointerEvent<HTMLDivElement>) => {
    if (pan.current) {
      pan.current = null;
      return;
    }
    const p = toImage(event);
    store.pointerUp(p.x, p.y);
  };

  const W = photo.sourceWidth;
  const H = photo.sourceHeight;
  const splitX = settings.compare ? split * W : 0;
  const brushRadius = settings.tool === 'point' ? 0 : store.sizeFor(settings.tool) / 2;
  const cursor =
    pan.current || props.spaceHeld ? 'grab' : settings.tool === 'point' ? 'crosshair' : 'none';
  const keys = useCanvasKeyboard(store, view.scale, W, H, GRAB_TOLERANCE_PX / view.scale);

  return (
    <div
      ref={containerRef}
      className="canvas"
      data-testid="canvas"
      data-scale={view.scale}
      data-offset-x={view.offsetX}
      data-offset-y={view.offsetY}
      data-preview-size={props.color ? `${props.color.width}×${props.color.height}` : undefined}
      style={{ cursor }}
      role="application"
      aria-label="Photo canvas: click to add colour points, drag to paint. Keyboard: arrow keys move the cursor (Shift: farther), Enter uses the tool there"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: an ARIA application takes focus and handles its own keys (arrows move the keyboard cursor, Enter places a hint).
      tabIndex={0}
      {...keys.handlers}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => {
        pan.current = null;
        store.pointerCancel();
      }}
      onPointerLeave={() => setHover(null)}
    >
      {size.width > 0 && (
        <Stage width={size.width} height={size.height} listening={false}>
          <Layer listening={false}>
            <Group x={view.offsetX} y={view.offsetY} scaleX={view.scale} scaleY={view.scale}>
              {/* Under an opaque colouring the grey photo is never seen: drawing its working
                  copy (up to 12 MP) again on every redraw (each brush move) is wasted. */}
              <KImage
                image={photo.greyCanvas}
                width={W}
                height={H}
                visible={!props.color || settings.compare}
              />
              {props.color && (
                <Group clipX={splitX} clipY={0} clipWidth={W - splitX} clipHeight={H}>
                  <KImage image={props.color} width={W} height={H} />
                </Group>
              )}
              {settings.uncertaintyVisible && props.uncertainty && (
                <KImage image={props.uncertainty} width={W} height={H} opacity={0.85} />
              )}
              {settings.hintsVisible && (
                <HintsOverlay hints={session.hints} selected={props.selected} scale={view.scale} />
              )}
              {settings.compare && (
                <Line points={[splitX, 0, splitX, H]} stroke="#fff" strokeWidth={2 / view.scale} />
              )}
              {hover && brushRadius > 0 && (
                <Circle
                  x={hover.x}
                  y={hover.y}
                  radius={brushRadius}
                  stroke={settings.tool === 'eraser' ? '#ff6b6b' : '#ffffff'}
                  strokeWidth={1.5 / view.scale}
                  dash={[4 / view.scale, 3 / view.scale]}
                />
              )}
              {keys.cursor && (
                <KeyboardCursor
                  at={keys.cursor}
                  radius={store.sizeFor(settings.tool) / 2}
                  scale={view.scale}
                />
              )}
            </Group>
          </Layer>
        </Stage>
      )}
      <p className="sr-only" aria-live="polite" data-testid="canvas-announcement">
        {keys.announcement}
      </p>
    </div>
  );
}
