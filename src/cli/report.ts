import { closeSync, openSync, writeSync } from 'node:fs';
import { errorMessage, UsageError } from './errors';

/** One line of `--report results.jsonl`: what happened to one manifest entry. */
export interface ReportEntry {
  /** 1-based line in the manifest. */
  line: number;
  image: string | null;
  out: string | null;
  status: 'written' | 'skipped' | 'failed' | 'interrupted';
  seconds: number;
  error: string | null;
}

/**
 * The report is appended to, never replaced: a resumed or sharded run adds its lines after the
 * earlier ones, and nothing the user had is lost. Lines are written synchronously, one per
 * photo, so a batch stopped at any moment leaves every finished line on disk.
 */
export class Report {
  private constructor(private readonly fd: number) {}

  static open(file: string): Report {
    try {
      return new Report(openSync(file, 'a'));
    } catch (error) {
      throw new UsageError(`batch: ${file}: cannot open report (${errorMessage(error)})`);
    }
  }

  add(entry: ReportEntry): void {
    writeSync(this.fd, `${JSON.stringify({ ...entry, seconds: round(entry.seconds) })}\n`);
  }

  close(): void {
    closeSync(this.fd);
  }
}

const round = (seconds: number) => Math.round(seconds * 1000) / 1000;
