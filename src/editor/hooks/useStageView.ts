import { useCallback, useRef, useState } from 'react';
import type { Photo } from '../photo/photo';
import { fitToScreen, IDENTITY_VIEW, type ViewTransform, zoomAt } from '../view/viewTransform';

/**
 * The stage's view transform. The photo is fitted when it opens and again when the stage first
 * reports its size: the stage mounts only once a photo is open, so the first fit has to wait.
 * While the user has not zoomed or panned since the last fit, a resized stage (window, panels)
 * fits the photo again; once they have, their view is kept.
 */
export function useStageView() {
  const [view, setView] = useState<ViewTransform>(IDENTITY_VIEW);
  const viewport = useRef({ width: 0, height: 0 });
  const fitPhoto = useRef<Photo | null>(null);
  const userMoved = useRef(false);

  const fitView = useCallback((p: Photo | null = fitPhoto.current) => {
    const { width, height } = viewport.current;
    if (!p || width === 0 || height === 0) return;
    userMoved.current = false;
    setView(fitToScreen(p.sourceWidth, p.sourceHeight, width, height, 24, true));
  }, []);
  const onOpened = useCallback(
    (p: Photo) => {
      fitPhoto.current = p;
      fitView(p);
    },
    [fitView],
  );
  const onSize = useCallback(
    (width: number, height: number) => {
      const first = viewport.current.width === 0;
      viewport.current = { width, height };
      if (first || !userMoved.current) fitView();
    },
    [fitView],
  );
  /** A view the user chose (wheel zoom, pan): kept from now on when the stage resizes. */
  const setUserView = useCallback((next: ViewTransform) => {
    userMoved.current = true;
    setView(next);
  }, []);
  // Toolbar and keyboard zoom keep the stage centre fixed (there is no pointer to zoom about).
  const zoomCentre = (factor: number) => {
    userMoved.current = true;
    setView((v) =>
      zoomAt(v, factor, { x: viewport.current.width / 2, y: viewport.current.height / 2 }),
    );
  };

  return { view, setView: setUserView, fitView, onOpened, onSize, zoomCentre };
}
