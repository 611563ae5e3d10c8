import { describe, expect, it } from 'vitest';
import { workerRequests } from '../../src/editor/workerRequests';

/** A stand-in worker that answers each request when told to, in any order. */
function fakeWorker() {
  const listeners: ((event: MessageEvent) => void)[] = [];
  const posted: { id: number; n: number }[] = [];
  let started = 0;
  const worker = {
    addEventListener: (_type: string, listener: (event: MessageEvent) => void) =>
      listeners.push(listener),
    postMessage: (message: { id: number; n: number }) => posted.push(message),
  };
  return {
    start: () => {
      started++;
      return worker as unknown as Worker;
    },
    answer: (id: number, value: number) => {
      for (const l of listeners) l({ data: { id, value } } as MessageEvent);
    },
    posted,
    startedCount: () => started,
  };
}

describe('workerRequests', () => {
  it('starts the worker once, on the first request, and routes each reply to its request', async () => {
    const fake = fakeWorker();
    const request = workerRequests<{ id: number; n: number }, { id: number; value: number }>(
      fake.start,
    );
    expect(fake.startedCount()).toBe(0);
    const first = request({ n: 1 });
    const second = request({ n: 2 });
    expect(fake.startedCount()).toBe(1);
    expect(fake.posted.map((m) => m.n)).toEqual([1, 2]);
    const [a, b] = fake.posted.map((m) => m.id);
    expect(a).not.toBe(b);
    fake.answer(b, 20); // answered out of order
    fake.answer(a, 10);
    expect(await first).toEqual({ id: a, value: 10 });
    expect(await second).toEqual({ id: b, value: 20 });
  });
});
