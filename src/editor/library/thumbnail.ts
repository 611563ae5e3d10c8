/** Long side of a library thumbnail in pixels: sharp on a high-density screen at ~80 CSS px. */
const THUMBNAIL_SIDE = 160;

/** A small JPEG of the grey working copy, for the library panel. */
export function makeThumbnail(source: HTMLCanvasElement): Promise<Blob> {
  const scale = Math.min(1, THUMBNAIL_SIDE / Math.max(source.width, source.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(source.width * scale));
  canvas.height = Math.max(1, Math.round(source.height * scale));
  const context = canvas.getContext('2d');
  if (!context) return Promise.reject(new Error('this browser has no 2D canvas'));
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('could not encode the thumbnail'))),
      'image/jpeg',
      0.8,
    ),
  );
}
