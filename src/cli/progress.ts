/** Counts of a batch so far: what the progress line, the summary and a stop report. */
export interface Tally {
  total: number;
  written: number;
  skipped: number;
  failed: number;
}

export const done = (t: Tally) => t.written + t.skipped + t.failed;

/**
 * One self-rewriting status line on a terminal: done/total, photos per second and time left.
 * The rate counts photos actually colorized (skipped ones cost almost nothing) since the first
 * of them started, so a resumed batch does not promise a finish it cannot keep.
 */
export class ProgressLine {
  private firstStart: number | null = null;
  private shown = false;

  constructor(private readonly write: (text: string) => void) {}

  /** Called when a photo is about to be colorized. */
  started(): void {
    this.firstStart ??= performance.now();
  }

  update(t: Tally): void {
    const worked = t.written + t.failed;
    const seconds = this.firstStart === null ? 0 : (performance.now() - this.firstStart) / 1000;
    const rate = seconds > 0 && worked > 0 ? worked / seconds : 0;
    const left = t.total - done(t);
    const eta = rate > 0 ? ` · ${clock(left / rate)} left` : '';
    const failed = t.failed > 0 ? ` · ${t.failed} failed` : '';
    this.write(`\r\x1b[2K[${done(t)}/${t.total}] ${rate.toFixed(2)} photos/s${eta}${failed}`);
    this.shown = true;
  }

  /** Clears the line so a full message can be printed in its place. */
  clear(): void {
    if (this.shown) this.write('\r\x1b[2K');
    this.shown = false;
  }
}

/** 75 → "1:15", 4000 → "1:06:40". */
export function clock(seconds: number): string {
  const s = Math.round(seconds);
  const two = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
}
