import type { WorkerColorizeResult, WorkerRequest } from './workerProtocol';

type ColorizeRequest = Extract<WorkerRequest, { type: 'colorize' }>;

/**
 * The last colorize reply, so a request identical to it is answered without running the
 * network again. The editor asks twice for every click (the pointer-down adds the point, the
 * pointer-up ends the gesture with the same session) and again when a point is selected; on a
 * 2-core CPU each repeat kept the worker busy for a whole run that the next stroke waited for.
 * Replies are transferred (their buffers detached), so the cache keeps and hands out copies.
 */
export interface RepeatCache {
  keyOf(req: ColorizeRequest): string;
  get(key: string): WorkerColorizeResult | null;
  set(key: string, result: WorkerColorizeResult): void;
  /** After anything that changes the colorizer's last run or the photo (render, setImage, load). */
  clear(): void;
}

function copyOf(r: WorkerColorizeResult): WorkerColorizeResult {
  const out: WorkerColorizeResult = { ...r, ab: r.ab.slice() };
  if (r.preview) out.preview = { ...r.preview, rgba: r.preview.rgba.slice() };
  return out;
}

export function createRepeatCache(): RepeatCache {
  let last: { key: string; result: WorkerColorizeResult } | null = null;
  return {
    keyOf: (req) =>
      JSON.stringify([
        req.session,
        req.workingSize ?? null,
        req.refine ?? null,
        req.preview ?? null,
      ]),
    get: (key) => (last?.key === key ? { ...copyOf(last.result), repeated: true } : null),
    set(key, result) {
      last = { key, result: copyOf(result) };
    },
    clear() {
      last = null;
    },
  };
}
