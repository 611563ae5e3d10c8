import { describe, expect, it } from 'vitest';
import { createWorkerHost } from '../../src/colorizer/worker/workerHost';
import type {
  WorkerColorizeResult,
  WorkerReply,
  WorkerRequest,
} from '../../src/colorizer/worker/workerProtocol';
import { greyImage, readModelFiles, sessionFor, TINY_MODEL_DIR, WASM_DIR } from './helpers';

/** A request without its id (Omit over each member of the union). */
type Request = WorkerRequest extends infer R
  ? R extends WorkerRequest
    ? Omit<R, 'id'>
    : never
  : never;

const image = greyImage(80, 48, (x, y) => 30 + ((x + 2 * y) % 50));

/** A worker host in-process; `ask` returns the reply value (replies are structured clones). */
async function startHost() {
  const replies = new Map<number, WorkerReply>();
  const host = createWorkerHost((reply, transfer) => {
    if (reply.type !== 'progress') replies.set(reply.id, structuredClone(reply, { transfer }));
  });
  let id = 0;
  const ask = async (req: Request): Promise<unknown> => {
    const n = ++id;
    await host({ ...req, id: n } as WorkerRequest);
    const reply = replies.get(n);
    if (reply?.type !== 'result') throw new Error(`request ${n}: ${JSON.stringify(reply)}`);
    return reply.value;
  };
  const model = await readModelFiles(TINY_MODEL_DIR);
  await ask({ type: 'load', options: { model, wasmPaths: WASM_DIR, workingSize: 64 } });
  await ask({ type: 'setImage', width: image.width, height: image.height, L: image.L.slice() });
  return ask;
}

describe('worker host: a repeated colorize request', () => {
  it('is answered from the last run (composed again for another preview size) until something changes', async () => {
    const ask = await startHost();
    const session = sessionFor(image, [{ kind: 'point', x: 10, y: 10, size: 6, ab: [40, 30] }]);
    const req = { type: 'colorize' as const, session, preview: { width: 40, height: 24 } };
    const first = (await ask(req)) as WorkerColorizeResult;
    const again = (await ask(structuredClone(req))) as WorkerColorizeResult;
    expect(first.repeated).toBeUndefined();
    expect(first.preview?.rgba.length).toBe(40 * 24 * 4);
    expect(again.repeated).toBe(true);
    expect(again.ab).toEqual(first.ab);
    // The same pixels are not sent twice: the client hands back the ones it holds.
    expect(again.preview).toBeUndefined();
    // The ab it kept survives the first replies' buffers being transferred: ask a third time.
    expect(((await ask(req)) as WorkerColorizeResult).ab).toEqual(first.ab);

    // Another preview size for the same session: composed again from the kept run.
    const resized = (await ask({
      ...req,
      preview: { width: 20, height: 12 },
    })) as WorkerColorizeResult;
    expect(resized.repeated).toBe(true);
    expect(resized.ab).toEqual(first.ab);
    expect(resized.preview?.rgba.length).toBe(20 * 12 * 4);
    // Back to the first size: composed again, the same pixels as the first time.
    const back = (await ask(req)) as WorkerColorizeResult;
    expect(back.preview?.rgba).toEqual(first.preview?.rgba);

    // Another session, or a render in between: the network runs again.
    const moved = sessionFor(image, [{ kind: 'point', x: 30, y: 10, size: 6, ab: [40, 30] }]);
    expect(
      ((await ask({ ...req, session: moved })) as WorkerColorizeResult).repeated,
    ).toBeUndefined();
    await ask({ type: 'render', session: moved, method: 'bilinear' });
    expect(
      ((await ask({ ...req, session: moved })) as WorkerColorizeResult).repeated,
    ).toBeUndefined();
    expect(((await ask({ ...req, session: moved })) as WorkerColorizeResult).repeated).toBe(true);
  });

  it('composes a preview into a spare buffer of its size that the client gave back', async () => {
    const ask = await startHost();
    const session = sessionFor(image, [{ kind: 'point', x: 10, y: 10, size: 6, ab: [40, 30] }]);
    const preview = { width: 40, height: 24 };
    const want = ((await ask({ type: 'colorize', session, preview })) as WorkerColorizeResult)
      .preview?.rgba;
    const wrongSize = new ArrayBuffer(16);
    const spare = new ArrayBuffer(40 * 24 * 4);
    const moved = sessionFor(image, [{ kind: 'point', x: 30, y: 10, size: 6, ab: [40, 30] }]);
    await ask({ type: 'colorize', session: moved, preview, spare: [wrongSize, spare] });
    // The reply's pixels were transferred out of the spare: it was the one written.
    expect(spare.byteLength).toBe(0);
    expect(wrongSize.byteLength).toBe(16);
    const back = (await ask({ type: 'colorize', session, preview })) as WorkerColorizeResult;
    expect(back.preview?.rgba).toEqual(want);
  });
});
