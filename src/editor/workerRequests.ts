/**
 * One worker, started on the first request, answering requests by id: `request` posts a message
 * with a fresh id and resolves with the reply that carries it. Shared by the photo decoder and
 * the reference matcher. `start` stays at the caller, where `new Worker(new URL(…))` must be
 * written for the bundler to find the worker's file.
 */
export function workerRequests<Request extends { id: number }, Reply extends { id: number }>(
  start: () => Worker,
): (message: Omit<Request, 'id'>) => Promise<Reply> {
  let worker: Worker | null = null;
  let nextId = 1;
  const waiting = new Map<number, (reply: Reply) => void>();
  const started = (): Worker => {
    if (!worker) {
      worker = start();
      worker.addEventListener('message', (event: MessageEvent<Reply>) => {
        waiting.get(event.data.id)?.(event.data);
        waiting.delete(event.data.id);
      });
    }
    return worker;
  };
  return (message) => {
    const id = nextId++;
    return new Promise<Reply>((resolve) => {
      waiting.set(id, resolve);
      started().postMessage({ ...message, id });
    });
  };
}
