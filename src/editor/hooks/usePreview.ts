import { useEffect, useRef, useState } from 'react';
import type { Suggestion } from '../../colorizer';
import type { ColorizerClient } from '../../colorizer/worker/workerClient';
import type { Ab, Session } from '../../core/session/types';
import type { ShownColouring } from '../color/guess';
import { createCanvasRing } from '../photo/canvasRing';
import { blankCanvas, drawRgba, type Photo, uncertaintyToCanvas } from '../photo/photo';
import { scaleSession } from '../photo/scaleSession';
import { paintingPreviewSize, previewSize } from '../view/previewSize';

/** Network working size while a gesture is open: quicker runs keep up with the brush; the
 * full default size runs again as soon as the pointer is released. Multiple of 16 (stride).
 * Never above the model's own default (v1 weights run at 128 already). */
export const DRAG_WORKING_SIZE = 160;

export function dragWorkingSize(modelDefault: number | null): number | undefined {
  if (modelDefault === null || modelDefault <= DRAG_WORKING_SIZE) return undefined;
  return DRAG_WORKING_SIZE;
}
export const SUGGESTION_COUNT = 6;

export interface PreviewState {
  color: HTMLCanvasElement | null;
  /** The same colouring's pixels, for the network's guess under a new point (color/guess.ts). */
  shown: ShownColouring | null;
  uncertainty: HTMLCanvasElement | null;
  suggestions: Suggestion[];
  error: string | null;
  /** A run is in flight (the first one also compiles the network: "warming up"). */
  working: boolean;
}

/**
 * Recolours the photo whenever the session changes (the client runs latest-wins, so a fast
 * brush never queues more than one run) and fetches suggestions / uncertainty after each run.
 */
export function usePreview(
  client: ColorizerClient | null,
  photo: Photo | null,
  session: Session | null,
  inGesture: boolean,
  modelWorkingSize: number | null,
  selectedPoint: { x: number; y: number; ab: Ab } | null,
  wantUncertainty: boolean,
  reportMs: (ms: number) => void,
  /** The view's scale (screen px per source px): the preview is composed at screen size. */
  viewScale: number,
  /** A brush or eraser stroke is open: the preview is composed at half size meanwhile. */
  painting: boolean,
): PreviewState {
  const [state, setState] = useState<PreviewState>({
    color: null,
    shown: null,
    uncertainty: null,
    suggestions: [],
    error: null,
    working: false,
  });
  const inFlight = useRef(0);
  /** The colouring on screen (its size tells whether a repeated run can keep it). */
  const lastShown = useRef<ShownColouring | null>(null);
  /** The colouring shown before it: its pixels go back to the worker when the next one is
   * drawn, once nothing (the colour guess of an earlier render) can still read them. */
  const shownBefore = useRef<ShownColouring | null>(null);
  /** Canvases the colourings are drawn into, reused (../photo/canvasRing.ts). */
  const canvases = useRef(createCanvasRing(blankCanvas));

  // Results from runs for an earlier photo are dropped; results for earlier sessions of the
  // same photo are kept: while painting, the run in flight is the freshest colouring there is
  // (the client delivers results in request order, so an older one never follows a newer one).
  const currentPhoto = useRef<Photo | null>(null);
  useEffect(() => {
    currentPhoto.current = photo;
    lastShown.current = null;
    shownBefore.current = null;
    canvases.current.clear();
    setState((s) => ({
      ...s,
      color: null,
      shown: null,
      uncertainty: null,
      suggestions: [],
      error: null,
    }));
  }, [photo]);

  const fullSize = photo
    ? previewSize(photo.grey, photo.sourceWidth, viewScale, globalThis.devicePixelRatio || 1)
    : null;
  const size = fullSize && painting ? paintingPreviewSize(fullSize) : fullSize;

  // biome-ignore lint/correctness/useExhaustiveDependencies: reportMs is a fresh closure each render; it only sets state; size is followed through its width and height.
  useEffect(() => {
    if (!client || !photo || !session || !size) return;
    if (session.image.width !== photo.sourceWidth || session.image.height !== photo.sourceHeight) {
      return; // a stale session for the previous photo: the new one is about to arrive
    }
    const alive = () => currentPhoto.current === photo;
    const { grey } = photo;
    const working = scaleSession(session, grey.width, grey.height);
    inFlight.current++;
    setState((s) => (s.working ? s : { ...s, working: true }));
    const run = async () => {
      const outcome = await client.colorize(grey, working, {
        workingSize: inGesture ? dragWorkingSize(modelWorkingSize) : undefined,
        // The hint propagation runs while the pointer moves too: with its coarse-to-fine start
        // (refine/cascade.ts) it costs ~26 ms at 128 px on a 2-core CPU, about one network run,
        // so a stroke's colour spreads as it is painted rather than on release.
        preview: size,
      });
      if (outcome.status !== 'done' || !alive()) return;
      const result = outcome.value;
      const preview = result.preview;
      // A repeat of the last run at the size on screen (the pointer-up after a click, a
      // selection) has the pixels already shown: keep that canvas rather than upload it again.
      const same =
        result.repeated === true &&
        preview !== undefined &&
        lastShown.current?.width === preview.width &&
        lastShown.current.height === preview.height;
      if (preview && !same) {
        const color = drawRgba(canvases.current.next(preview.width, preview.height), preview.rgba);
        const shown = { rgba: preview.rgba, width: preview.width, height: preview.height };
        const retired = shownBefore.current?.rgba;
        if (retired && retired !== lastShown.current?.rgba && retired !== preview.rgba)
          client.recycle(retired);
        shownBefore.current = lastShown.current;
        lastShown.current = shown;
        // The colouring goes on screen now; suggestions and the overlay follow when they come.
        setState((s) => ({ ...s, color, shown, error: null }));
      }
      const toGrey = grey.width / photo.sourceWidth;
      const [suggestions, uncertainty] = await Promise.all([
        selectedPoint
          ? // Alternatives to the point's own colour, not that colour handed back.
            client.suggest(selectedPoint.x * toGrey, selectedPoint.y * toGrey, SUGGESTION_COUNT, [
              selectedPoint.ab[0],
              selectedPoint.ab[1],
            ])
          : Promise.resolve([]),
        wantUncertainty
          ? client.uncertainty().then((map) => uncertaintyToCanvas(map, grey.width, grey.height))
          : Promise.resolve(null),
      ]);
      if (!alive()) return;
      setState((s) => ({ ...s, uncertainty, suggestions, error: null }));
      reportMs(result.ms); // after the picture, so "runs" counts colourings actually shown
    };
    run()
      .catch((error: unknown) => {
        if (alive()) {
          setState((s) => ({
            ...s,
            error: error instanceof Error ? error.message : String(error),
          }));
        }
      })
      .finally(() => {
        inFlight.current--;
        if (inFlight.current === 0) setState((s) => ({ ...s, working: false }));
      });
  }, [
    client,
    photo,
    session,
    inGesture,
    selectedPoint?.x,
    selectedPoint?.y,
    wantUncertainty,
    size?.width,
    size?.height,
  ]);

  return state;
}
