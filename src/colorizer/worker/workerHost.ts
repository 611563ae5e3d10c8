import type { GreyImage } from '../../core/image';
import type { Session } from '../../core/session';
import type { BackendChoice } from '../backendChoice';
import { areaResample } from '../compose/resample';
import { loadColorizer } from '../loadColorizer';
import type { Colorizer } from '../types';
import { createPreviewComposer, type PreviewComposer } from './previewComposer';
import { createRepeatCache, previewKey } from './repeatCache';
import { createSpareBuffers } from './spareBuffers';
import {
  type LoadInfo,
  type PreviewRequest,
  transferablesOf,
  type WorkerColorizeResult,
  type WorkerReply,
  type WorkerRequest,
} from './workerProtocol';

type Post = (reply: WorkerReply, transfer: ArrayBuffer[]) => void;

/**
 * The worker's side, independent of the Worker global so tests can drive it in-process.
 * Requests run strictly one after another (a colorize's awaits must not interleave with a
 * suggest that reads its logits); the client's latest-wins keeps this queue short.
 * `chooseDefault` orders the backends when a load names none (the browser worker probes the
 * GPU: ../backendChoice.ts); a load that names one keeps it, so `?backend=` stays an override.
 */
export function createWorkerHost(
  post: Post,
  chooseDefault?: () => Promise<BackendChoice>,
): (request: WorkerRequest) => Promise<void> {
  let colorizer: Colorizer | null = null;
  let image: GreyImage | null = null;
  let previewCache: PreviewComposer | null = null;
  let queue: Promise<void> = Promise.resolve();
  const repeats = createRepeatCache();
  const spares = createSpareBuffers();

  const need = <T>(value: T | null, what: string): T => {
    if (value === null) throw new Error(`worker: ${what}`);
    return value;
  };

  /** The composer for the photo at the preview's size (one kept: the editor shows one). */
  const previewComposer = (source: GreyImage, req: PreviewRequest): PreviewComposer => {
    const kept = previewCache?.image;
    if (kept?.width !== req.width || kept.height !== req.height) {
      const L = areaResample(source.L, source.width, source.height, req.width, req.height);
      previewCache = createPreviewComposer({ width: req.width, height: req.height, L });
    }
    return previewCache as PreviewComposer;
  };

  const handle = async (req: WorkerRequest): Promise<unknown> => {
    switch (req.type) {
      case 'load': {
        repeats.clear();
        colorizer?.dispose();
        const choice =
          req.options.backend === undefined && chooseDefault ? await chooseDefault() : null;
        const options = choice ? { ...req.options, backend: choice.order } : req.options;
        colorizer = await loadColorizer(options, (fraction) =>
          post({ id: req.id, type: 'progress', fraction }, []),
        );
        const info: LoadInfo = {
          backend: colorizer.backend,
          fallbacks: [...(choice?.skipped ?? []), ...colorizer.fallbacks],
          backendReason: choice?.reason ?? null,
          meta: colorizer.meta,
        };
        return info;
      }
      case 'setImage':
        image = { width: req.width, height: req.height, L: req.L };
        previewCache = null;
        repeats.clear();
        return null;
      case 'colorize': {
        const c = need(colorizer, 'load a model first');
        const img = need(image, 'no image set');
        spares.add(req.spare);
        const key = repeats.keyOf(req);
        const kept = repeats.get(key);
        if (kept && kept.preview === previewKey(req.preview)) return kept.result;
        // Same session, another preview size (a zoom, a stroke's end): compose only.
        const r =
          kept?.result ??
          (await c.colorize(img, req.session, {
            workingSize: req.workingSize,
            refine: req.refine,
          }));
        const out: WorkerColorizeResult = { ...r, preview: undefined };
        if (req.preview)
          out.preview = composePreview(
            previewComposer(img, req.preview),
            r,
            req.session,
            req.preview,
            spares.take(req.preview.width * req.preview.height * 4),
          );
        repeats.set(key, req.preview, out);
        return out;
      }
      case 'render':
        repeats.clear(); // render runs the network too: suggest() reads its run now
        return need(colorizer, 'load a model first').render(
          need(image, 'no image set'),
          req.session,
          {
            method: req.method,
            workingSize: req.workingSize,
          },
        );
      case 'suggest':
        return need(colorizer, 'load a model first').suggest(req.x, req.y, req.k, req.exclude);
      case 'uncertainty':
        return need(colorizer, 'load a model first').uncertainty();
    }
  };

  return (req) => {
    queue = queue.then(async () => {
      try {
        const value = await handle(req);
        post({ id: req.id, type: 'result', value }, transferablesOf(value));
      } catch (error) {
        post(
          {
            id: req.id,
            type: 'error',
            message: error instanceof Error ? error.message : String(error),
          },
          [],
        );
      }
    });
    return queue;
  };
}

function composePreview(
  composer: PreviewComposer,
  r: { width: number; height: number; ab: Float32Array },
  session: Session,
  req: PreviewRequest,
  into: Uint8ClampedArray | undefined,
): { width: number; height: number; rgba: Uint8ClampedArray } {
  const rgba = composer.compose(r.ab, r.width, r.height, session, req.method ?? 'guided', into);
  return { width: req.width, height: req.height, rgba };
}
