import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Shard } from './archiveArgs';
import { errorMessage, UsageError } from './errors';
import { type ManifestLine, parseManifest } from './manifest';

/** Larger manifests are refused by name rather than failing inside V8 ("Invalid string length"). */
export const MAX_MANIFEST_BYTES = 256 * 2 ** 20;

/** Paths in messages are shown relative to the cwd: short, and clickable in terminals. */
export const shown = (file: string) => path.relative(process.cwd(), file) || file;

export async function readManifest(file: string): Promise<ManifestLine[]> {
  const fail = (reason: string) => new UsageError(`batch: ${shown(file)}: ${reason}`);
  let text: string;
  try {
    const { size } = await stat(file);
    if (size > MAX_MANIFEST_BYTES) {
      const mib = (n: number) => `${(n / 2 ** 20).toFixed(0)} MiB`;
      throw fail(
        `manifest too large (${mib(size)}; the limit is ${mib(MAX_MANIFEST_BYTES)}): split it`,
      );
    }
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw fail(
      code === 'ENOENT' ? 'manifest not found' : `cannot read manifest (${errorMessage(error)})`,
    );
  }
  const lines = parseManifest(text, file);
  if (lines.length === 0) throw fail('manifest has no entries');
  return lines;
}

/**
 * Refuses, before any work, a manifest in which two lines write the same output or a line
 * writes another line's input: run in any order (or in shards), one would destroy the other.
 * Names the lines; every shard checks the whole manifest, so all of them refuse alike.
 */
export function checkOutputsDistinct(lines: ManifestLine[], manifest: string): void {
  const writers = new Map<string, number>();
  const readers = new Map<string, number>();
  for (const { line, job } of lines) {
    if (!job) continue;
    for (const input of [job.image, job.session]) if (input) readers.set(input, line);
  }
  const clashes: string[] = [];
  for (const { line, job } of lines) {
    if (!job) continue;
    const first = writers.get(job.out);
    const reader = readers.get(job.out);
    if (first !== undefined)
      clashes.push(`lines ${first} and ${line} both write ${shown(job.out)}`);
    else if (reader === line) clashes.push(`line ${line} writes its own input ${shown(job.out)}`);
    else if (reader !== undefined) {
      clashes.push(`line ${line} writes ${shown(job.out)}, which line ${reader} reads`);
    }
    writers.set(job.out, first ?? line);
  }
  if (clashes.length > 0) {
    const more = clashes.length > 1 ? ` (and ${clashes.length - 1} more)` : '';
    throw new UsageError(
      `batch: ${shown(manifest)}: ${clashes[0]}${more}; each output must be written by one line and read by none`,
    );
  }
}

/** This shard's entries, in manifest order; deterministic for a given manifest. */
export function shardOf(lines: ManifestLine[], shard: Shard | undefined): ManifestLine[] {
  if (!shard) return lines;
  return lines.filter((_, k) => k % shard.count === shard.index);
}
