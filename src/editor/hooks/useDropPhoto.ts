import { useEffect, useState } from 'react';

/** Elements with a drop meaning of their own (the reference photo's zone): not highlighted. */
const OWN_DROP_ZONES = '.dropzone';

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

/**
 * Opens a photo (or session / project file) dropped anywhere on the window, as the empty state
 * and the help promise. Drop zones with their own meaning stop their events, so a reference
 * photo dropped on its zone never reaches here. Returns whether files are being dragged over
 * the window outside such a zone (for the drop highlight).
 */
export function useDropPhoto(openFile: (file: File) => unknown): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    // dragenter/dragleave fire for every child crossed; the depth says when the window is left.
    let depth = 0;
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth++;
      setDragging(true);
    };
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    // Capture: seen before a drop zone stops the event, so the highlight yields to the zone's.
    const onOverCapture = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      const overZone = event.target instanceof Element && event.target.closest(OWN_DROP_ZONES);
      setDragging(!overZone);
    };
    // Bubble: only drags no zone took. Without preventDefault the browser would open the file.
    const onOver = (event: DragEvent) => {
      if (carriesFiles(event)) event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (file) void openFile(file);
    };
    const onDropCapture = () => {
      depth = 0;
      setDragging(false);
    };
    // One signal removes every listener (capture ones included) on cleanup.
    const done = new AbortController();
    const bubble = { signal: done.signal };
    const capture = { signal: done.signal, capture: true };
    window.addEventListener('dragenter', onEnter, bubble);
    window.addEventListener('dragleave', onLeave, bubble);
    window.addEventListener('dragover', onOverCapture, capture);
    window.addEventListener('dragover', onOver, bubble);
    window.addEventListener('drop', onDropCapture, capture);
    window.addEventListener('drop', onDrop, bubble);
    return () => done.abort();
  }, [openFile]);
  return dragging;
}
