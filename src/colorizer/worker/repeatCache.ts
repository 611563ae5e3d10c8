import type { PreviewRequest, WorkerColorizeResult, WorkerRequest } from './workerProtocol';

type ColorizeRequest = Extract<WorkerRequest, { type: 'colorize' }>;

/**
 * The last colorize reply, so a request for the same session and options is answered without
 * running the network again: the editor asks twice for every click (the pointer-down adds the
 * point, the pointer-up ends the gesture with the same session), again when a point is
 * selected, and for another preview size only when the view zooms or a brush stroke ends; on a
 * 2-core CPU each repeat kept the worker busy for a whole run that the next stroke waited for.
 * A repeat at the same preview size carries no pixels: they are the last reply's, which the
 * client still holds (./workerClient.ts). Copying them here and back cost ~30 ms per click on
 * a 2-core VM (a fresh 4-MB buffer each way). Replies are transferred (their buffers
 * detached), so the cache keeps and hands out copies of the small working-size ab.
 */
export interface RepeatCache {
  /** The network's inputs: session, working size, refine (not the preview). */
  keyOf(req: ColorizeRequest): string;
  /** The kept run for `key` (without preview pixels), and the preview request last answered. */
  get(key: string): { result: WorkerColorizeResult; preview: string } | null;
  set(key: string, preview: PreviewRequest | undefined, result: WorkerColorizeResult): void;
  /** After anything that changes the colorizer's last run or the photo (render, setImage, load). */
  clear(): void;
}

export function previewKey(preview: PreviewRequest | undefined): string {
  return preview ? `${preview.width}×${preview.height} ${preview.method ?? 'guided'}` : 'none';
}

/** The run without its preview, with its own copy of ab. */
function runOf(r: WorkerColorizeResult): WorkerColorizeResult {
  return { width: r.width, height: r.height, ab: r.ab.slice(), ms: r.ms };
}

export function createRepeatCache(): RepeatCache {
  let last: { key: string; preview: string; result: WorkerColorizeResult } | null = null;
  return {
    keyOf: (req) => JSON.stringify([req.session, req.workingSize ?? null, req.refine ?? null]),
    get: (key) =>
      last?.key === key
        ? { result: { ...runOf(last.result), repeated: true }, preview: last.preview }
        : null,
    set(key, preview, result) {
      last = { key, preview: previewKey(preview), result: runOf(result) };
    },
    clear() {
      last = null;
    },
  };
}
