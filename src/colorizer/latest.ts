/**
 * "Latest request wins" for an expensive async job (one network run per stroke):
 * - at most one job in flight;
 * - a request made while one runs waits in a single slot; a newer request replaces it and the
 *   replaced one resolves `{ status: 'superseded' }` without ever running;
 * - results always arrive in request order, so a caller never sees an older colouring after a
 *   newer one; `cancel()` drops the pending request and marks the in-flight result stale.
 * The in-flight result is still delivered when a newer request is waiting: while the user
 * paints continuously that intermediate colouring is the freshest one there is.
 */
export type LatestOutcome<R> = { status: 'done'; value: R } | { status: 'superseded' };

export interface LatestRunner<T, R> {
  request(input: T): Promise<LatestOutcome<R>>;
  /** Drops the waiting request and makes the running one resolve superseded. */
  cancel(): void;
  readonly busy: boolean;
}

export function createLatestRunner<T, R>(run: (input: T) => Promise<R>): LatestRunner<T, R> {
  type Waiting = { input: T; resolve: (o: LatestOutcome<R>) => void; reject: (e: unknown) => void };
  let running = false;
  let waiting: Waiting | null = null;
  // Bumped by cancel(); a job started under an older epoch reports superseded.
  let epoch = 0;

  // The waiting job starts before the finished one is handed back: the caller's handling of a
  // result (drawing it) would otherwise keep the worker idle for that long on every stroke.
  const startNext = (): void => {
    running = false;
    const next = waiting;
    waiting = null;
    if (next) start(next);
  };

  const start = (job: Waiting): void => {
    running = true;
    const startedIn = epoch;
    run(job.input).then(
      (value) => {
        startNext();
        job.resolve(startedIn === epoch ? { status: 'done', value } : { status: 'superseded' });
      },
      (error: unknown) => {
        startNext();
        if (startedIn === epoch) job.reject(error);
        else job.resolve({ status: 'superseded' });
      },
    );
  };

  return {
    request(input) {
      return new Promise<LatestOutcome<R>>((resolve, reject) => {
        const job = { input, resolve, reject };
        if (!running) {
          start(job);
          return;
        }
        waiting?.resolve({ status: 'superseded' });
        waiting = job;
      });
    },
    cancel() {
      epoch++;
      waiting?.resolve({ status: 'superseded' });
      waiting = null;
    },
    get busy() {
      return running;
    },
  };
}
