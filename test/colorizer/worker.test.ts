import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ColorizerClient,
  createColorizerClient,
  type WorkerLike,
} from '../../src/colorizer/worker/workerClient';
import { createWorkerHost } from '../../src/colorizer/worker/workerHost';
import type { WorkerReply, WorkerRequest } from '../../src/colorizer/worker/workerProtocol';
import { greyImage, readModelFiles, sessionFor, TINY_MODEL_DIR, WASM_DIR } from './helpers';

/** Client and host in one process, with structured cloning as a real worker boundary does. */
function inProcessWorker(): WorkerLike & { sent: WorkerRequest[] } {
  const listeners: ((e: { data: WorkerReply }) => void)[] = [];
  const host = createWorkerHost((reply, transfer) => {
    const data = structuredClone(reply, { transfer });
    setTimeout(() => {
      for (const l of listeners) l({ data });
    }, 0);
  });
  const sent: WorkerRequest[] = [];
  return {
    sent,
    postMessage(message, transfer) {
      const copy = structuredClone(message, { transfer: transfer as ArrayBuffer[] });
      sent.push(copy);
      void host(copy);
    },
    addEventListener(_type, listener) {
      listeners.push(listener);
    },
    terminate() {
      listeners.length = 0;
    },
  };
}

let worker: ReturnType<typeof inProcessWorker>;
let client: ColorizerClient;
const image = greyImage(80, 48, (x, y) => 30 + ((x + 2 * y) % 50));

beforeAll(async () => {
  worker = inProcessWorker();
  client = createColorizerClient(worker);
});
afterAll(() => client.dispose());

describe('colorizer worker client', () => {
  it('loads with progress and reports the backend', async () => {
    const progress: number[] = [];
    const info = await client.load(
      { model: await readModelFiles(TINY_MODEL_DIR), wasmPaths: WASM_DIR, workingSize: 64 },
      (f) => progress.push(f),
    );
    expect(info.backend).toBe('wasm');
    expect(info.meta.bins.length).toBeGreaterThan(200);
    expect(progress.at(-1)).toBe(1);
  });

  it('colorizes with a display-size preview and sends the photo only once', async () => {
    const session = sessionFor(image, [{ kind: 'point', x: 10, y: 10, size: 6, ab: [40, 30] }]);
    const out = await client.colorize(image, session, { preview: { width: 40, height: 24 } });
    if (out.status !== 'done') throw new Error('expected a result');
    expect([out.value.width, out.value.height]).toEqual([64, 32]);
    expect(out.value.ab).toBeInstanceOf(Float32Array);
    expect(out.value.preview?.rgba.length).toBe(40 * 24 * 4);
    await client.colorize(image, session);
    expect(worker.sent.filter((m) => m.type === 'setImage')).toHaveLength(1);
  });

  it('hands back the preview it holds when the worker repeats its last colouring', async () => {
    const session = sessionFor(image, [{ kind: 'point', x: 30, y: 20, size: 6, ab: [-20, 40] }]);
    const preview = { width: 40, height: 24 };
    const first = await client.colorize(image, session, { preview });
    const again = await client.colorize(image, structuredClone(session), { preview });
    if (first.status !== 'done' || again.status !== 'done') throw new Error('expected results');
    expect(again.value.repeated).toBe(true);
    expect(again.value.preview).toBe(first.value.preview);
    expect(again.value.ab).toEqual(first.value.ab);
    // Another size is composed and sent; the first size again is composed again too.
    const small = await client.colorize(image, session, { preview: { width: 20, height: 12 } });
    if (small.status !== 'done') throw new Error('expected a result');
    expect(small.value.preview?.rgba.length).toBe(20 * 12 * 4);
    const back = await client.colorize(image, session, { preview });
    if (back.status !== 'done') throw new Error('expected a result');
    expect(back.value.preview).not.toBe(first.value.preview);
    expect(back.value.preview?.rgba).toEqual(first.value.preview?.rgba);
  });

  it('sends recycled preview buffers with the next colorize, once', async () => {
    const preview = { width: 40, height: 24 };
    const session = sessionFor(image, [{ kind: 'point', x: 50, y: 30, size: 6, ab: [10, 50] }]);
    const first = await client.colorize(image, session, { preview });
    if (first.status !== 'done' || !first.value.preview) throw new Error('expected a preview');
    const pixels = first.value.preview.rgba;
    client.recycle(first.value.preview.rgba.subarray(4)); // not a whole buffer: kept by the caller
    const moved = sessionFor(image, [{ kind: 'point', x: 52, y: 30, size: 6, ab: [10, 50] }]);
    const second = await client.colorize(image, moved, { preview });
    if (second.status !== 'done') throw new Error('expected a result');
    // The last preview sent is never taken back (a repeat hands it out again).
    const lastSent = second.value.preview?.rgba ?? new Uint8ClampedArray(0);
    client.recycle(lastSent);
    client.recycle(pixels);
    const before = worker.sent.length;
    const third = await client.colorize(image, session, { preview });
    if (third.status !== 'done') throw new Error('expected a result');
    const sent = worker.sent.slice(before).filter((m) => m.type === 'colorize');
    expect(sent.map((m) => (m.type === 'colorize' ? m.spare?.length : -1))).toEqual([1]);
    expect(pixels.length).toBe(0); // transferred to the worker
    expect(lastSent.length).toBe(40 * 24 * 4);
    expect(third.value.preview?.rgba.length).toBe(40 * 24 * 4);
    await client.colorize(image, moved, { preview });
    const last = worker.sent.at(-1);
    expect(last?.type === 'colorize' && last.spare).toEqual([]);
  });

  it('latest wins: queued strokes are replaced, results arrive in order', async () => {
    const sessions = [1, 2, 3, 4].map((i) =>
      sessionFor(image, [{ kind: 'point', x: 10 * i, y: 10, size: 4, ab: [i * 10, 0] }]),
    );
    const before = worker.sent.filter((m) => m.type === 'colorize').length;
    const outcomes = await Promise.all(sessions.map((s) => client.colorize(image, s)));
    expect(outcomes.map((o) => o.status)).toEqual(['done', 'superseded', 'superseded', 'done']);
    expect(worker.sent.filter((m) => m.type === 'colorize').length - before).toBe(2);
  });

  it('suggests, maps uncertainty and renders full resolution', async () => {
    await client.colorize(image, sessionFor(image));
    const s = await client.suggest(20, 20, 3);
    expect(s.length).toBeGreaterThan(0);
    expect(s.length).toBeLessThanOrEqual(3);
    const u = await client.uncertainty();
    expect([u.width, u.height]).toEqual([8, 4]);
    const rgba = await client.render(image, sessionFor(image), { method: 'bilinear' });
    expect(rgba).toBeInstanceOf(Uint8ClampedArray);
    expect(rgba.length).toBe(80 * 48 * 4);
  });

  it('reports worker errors as rejections', async () => {
    await expect(client.suggest(1000, 0, 3)).rejects.toThrow(/outside/);
  });
});
