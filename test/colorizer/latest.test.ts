import { describe, expect, it } from 'vitest';
import { createLatestRunner } from '../../src/colorizer/latest';

/** A job whose completion the test controls. */
function controllable() {
  const started: number[] = [];
  const finishers = new Map<number, () => void>();
  const run = (n: number) =>
    new Promise<string>((resolve) => {
      started.push(n);
      finishers.set(n, () => resolve(`result ${n}`));
    });
  const finish = async (n: number) => {
    finishers.get(n)?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { started, run, finish };
}

describe('createLatestRunner', () => {
  it('runs one at a time, newest queued request replaces older ones', async () => {
    const { started, run, finish } = controllable();
    const runner = createLatestRunner(run);
    const order: string[] = [];
    const track = (n: number) =>
      runner.request(n).then((o) => order.push(o.status === 'done' ? o.value : `superseded ${n}`));
    const all = [1, 2, 3, 4].map(track);
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual([1]);
    expect(runner.busy).toBe(true);
    await finish(1);
    expect(started).toEqual([1, 4]);
    await finish(4);
    await Promise.all(all);
    expect(order).toEqual(['superseded 2', 'superseded 3', 'result 1', 'result 4']);
    expect(runner.busy).toBe(false);
  });

  it('cancel drops the waiting request and marks the running one stale', async () => {
    const { started, run, finish } = controllable();
    const runner = createLatestRunner(run);
    const a = runner.request(1);
    const b = runner.request(2);
    runner.cancel();
    await finish(1);
    expect(await a).toEqual({ status: 'superseded' });
    expect(await b).toEqual({ status: 'superseded' });
    expect(started).toEqual([1]);
    const c = runner.request(3);
    await finish(3);
    expect(await c).toEqual({ status: 'done', value: 'result 3' });
  });

  it('starts the waiting request before handing back the finished one (no idle worker while the caller draws)', async () => {
    const { started, run, finish } = controllable();
    const runner = createLatestRunner(run);
    const a = runner.request(1);
    const b = runner.request(2);
    const startedWhenAArrived = a.then(() => [...started]);
    await finish(1);
    expect(await startedWhenAArrived).toEqual([1, 2]);
    await finish(2);
    expect(await b).toEqual({ status: 'done', value: 'result 2' });
  });

  it('passes errors of the current request through and keeps working', async () => {
    let calls = 0;
    const runner = createLatestRunner(async (n: number) => {
      calls++;
      if (n === 1) throw new Error('boom');
      return n;
    });
    await expect(runner.request(1)).rejects.toThrow('boom');
    expect(await runner.request(2)).toEqual({ status: 'done', value: 2 });
    expect(calls).toBe(2);
  });
});
