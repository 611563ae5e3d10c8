/**
 * Promise API for the colorizer running in a module worker; mirrors `Colorizer`.
 *
 * ```ts
 * const client = createColorizerClient();               // spawns ./worker.ts
 * const info = await client.load({ model: '/models/tintype/model.json' }, (f) => bar(f));
 * const out = await client.colorize(image, session, { preview: { width: 800, height: 600 } });
 * if (out.status === 'done') draw(out.value.preview!.rgba); // 'superseded': a newer stroke won
 * const png = await client.render(image, session);      // full-res RGBA for export
 * const swatches = await client.suggest(x, y, 5);       // after a colorize
 * const map = await client.uncertainty();
 * client.dispose();                                      // terminates the worker
 * ```
 * - `colorize` is latest-wins: at most one runs in the worker; calls made meanwhile replace
 *   each other and the replaced ones resolve `{ status: 'superseded' }` without running.
 *   Results arrive in call order.
 * - The photo is copied to the worker once per GreyImage object (treat it as immutable);
 *   pixels coming back are transferred, not copied. A repeated colouring (`repeated`) at the
 *   preview size last delivered hands back that same preview object.
 */
import type { GreyImage } from '../../core/image';
import type { Session } from '../../core/session';
import { createLatestRunner, type LatestOutcome } from '../latest';
import type { LoadOptions, Suggestion, UncertaintyMap, UpsampleMethod } from '../types';
import { MAX_SPARES } from './spareBuffers';
import type {
  LoadInfo,
  PreviewRequest,
  WorkerColorizeResult,
  WorkerReply,
  WorkerRequest,
} from './workerProtocol';

export type { LoadInfo, PreviewRequest, WorkerColorizeResult } from './workerProtocol';

/** The part of `Worker` the client uses (so tests can plug in an in-process host). */
export interface WorkerLike {
  postMessage(message: WorkerRequest, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: { data: WorkerReply }) => void): void;
  terminate(): void;
}

export interface ColorizeRequestOptions {
  workingSize?: number;
  /** false skips the residual propagation (./refine): ~8× cheaper, for previews mid-gesture. */
  refine?: boolean;
  preview?: PreviewRequest;
}

export interface ColorizerClient {
  load(options: LoadOptions, onProgress?: (fraction: number) => void): Promise<LoadInfo>;
  colorize(
    image: GreyImage,
    session: Session,
    opts?: ColorizeRequestOptions,
  ): Promise<LatestOutcome<WorkerColorizeResult>>;
  render(
    image: GreyImage,
    session: Session,
    opts?: { method?: UpsampleMethod; workingSize?: number },
  ): Promise<Uint8ClampedArray>;
  suggest(x: number, y: number, k: number, exclude?: [number, number]): Promise<Suggestion[]>;
  uncertainty(): Promise<UncertaintyMap>;
  /** Gives back a preview's pixels the caller no longer reads (the array is detached when the
   * next colorize goes out): the worker composes a later preview into them. */
  recycle(rgba: Uint8ClampedArray): void;
  /** Terminates the worker; pending calls reject. */
  dispose(): void;
}

type Pending = {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  onProgress?: (f: number) => void;
};
type Payload = WorkerRequest extends infer R
  ? R extends WorkerRequest
    ? Omit<R, 'id'>
    : never
  : never;

export function createColorizerClient(
  worker: WorkerLike = new Worker(new URL('./worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as WorkerLike,
): ColorizerClient {
  let nextId = 1;
  let disposed = false;
  const pending = new Map<number, Pending>();
  let sentImage: GreyImage | null = null;

  worker.addEventListener('message', ({ data }) => {
    const p = pending.get(data.id);
    if (!p) return;
    if (data.type === 'progress') p.onProgress?.(data.fraction);
    else {
      pending.delete(data.id);
      if (data.type === 'result') p.resolve(data.value);
      else p.reject(new Error(data.message));
    }
  });

  const call = <T>(
    payload: Payload,
    transfer: Transferable[] = [],
    onProgress?: (f: number) => void,
  ): Promise<T> => {
    if (disposed) return Promise.reject(new Error('colorizer client was disposed'));
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
      worker.postMessage({ ...payload, id } as WorkerRequest, transfer);
    });
  };

  /** The last preview the worker sent: a repeat at its size comes back without pixels. */
  let lastPreview: WorkerColorizeResult['preview'];
  /** Given back by recycle(), sent with the next colorize. */
  let spare: ArrayBuffer[] = [];

  /** Sends the photo when it differs from the one the worker holds (one photo at a time). */
  const ensureImage = (image: GreyImage): void => {
    if (image === sentImage) return;
    lastPreview = undefined;
    const L = Float32Array.from(image.L);
    void call({ type: 'setImage', width: image.width, height: image.height, L }, [L.buffer]);
    sentImage = image;
  };

  const latest = createLatestRunner(
    async (req: { image: GreyImage; session: Session; opts: ColorizeRequestOptions }) => {
      ensureImage(req.image);
      const giveBack = spare;
      spare = [];
      const result = await call<WorkerColorizeResult>(
        {
          type: 'colorize',
          session: req.session,
          workingSize: req.opts.workingSize,
          refine: req.opts.refine,
          preview: req.opts.preview,
          spare: giveBack,
        },
        giveBack,
      );
      if (result.preview) lastPreview = result.preview;
      else if (req.opts.preview) {
        if (!result.repeated || !lastPreview) throw new Error('worker: a preview went missing');
        result.preview = lastPreview;
      }
      return result;
    },
  );

  return {
    load: (options, onProgress) => call<LoadInfo>({ type: 'load', options }, [], onProgress),
    colorize: (image, session, opts = {}) => latest.request({ image, session, opts }),
    render(image, session, opts = {}) {
      ensureImage(image);
      return call<Uint8ClampedArray>({ type: 'render', session, ...opts });
    },
    suggest: (x, y, k, exclude) => call<Suggestion[]>({ type: 'suggest', x, y, k, exclude }),
    uncertainty: () => call<UncertaintyMap>({ type: 'uncertainty' }),
    recycle(rgba) {
      // Only whole buffers, never the preview a repeat would hand back, and a few at most.
      const { buffer } = rgba;
      if (!(buffer instanceof ArrayBuffer) || rgba.byteLength !== buffer.byteLength) return;
      if (rgba === lastPreview?.rgba || spare.includes(buffer)) return;
      spare = [...spare, buffer].slice(-MAX_SPARES);
    },
    dispose() {
      if (disposed) return;
      latest.cancel();
      disposed = true;
      worker.terminate();
      for (const p of pending.values()) p.reject(new Error('colorizer client was disposed'));
      pending.clear();
    },
  };
}
