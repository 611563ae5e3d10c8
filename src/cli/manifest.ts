import path from 'node:path';
import { showValue } from '../core/session/issues';
import { deepestOpening } from '../core/session/limits';
import { defaultOutPath } from './args';
import type { ColorizeJob } from './commands/colorize';
import { manifestVividness } from './vividness';

/** One non-blank line of a batch manifest: a job, or why that line cannot be one. */
export type ManifestLine =
  | { line: number; job: ColorizeJob; error?: undefined }
  | { line: number; job?: undefined; error: string; image?: string };

/** A line is one flat object; deeper nesting is refused before JSON.parse sees it. */
const MAX_DEPTH = 4;

const KEYS = new Set(['image', 'session', 'out', 'vividness', 'reference']);

/**
 * Parses JSON Lines: `{ "image": …, "session"?: …, "out"?: …, "vividness"?: 0..1,
 * "reference"?: … }` per
 * line, paths relative to the manifest's directory. Blank and `#` lines are skipped; a bad line becomes
 * an error entry (with its 1-based line number) so the rest of the batch still runs.
 */
export function parseManifest(text: string, manifestPath: string): ManifestLine[] {
  const dir = path.dirname(manifestPath);
  const lines: ManifestLine[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    const line = index + 1;
    try {
      lines.push({ line, job: parseEntry(raw, dir) });
    } catch (error) {
      lines.push({ line, error: error instanceof Error ? error.message : String(error) });
    }
  });
  return lines;
}

function parseEntry(raw: string, dir: string): ColorizeJob {
  if (deepestOpening(raw, MAX_DEPTH) >= 0) {
    throw new Error(`nesting deeper than ${MAX_DEPTH} levels (a line is one flat JSON object)`);
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    // JSON.parse quotes the line, control characters (a lone \r) included: escape them so the
    // report stays one line.
    const reason = String(error instanceof Error ? error.message : error).replace(
      /[\p{Cc}\u2028\u2029]/gu,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    throw new Error(`not valid JSON (${reason})`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error('expected a JSON object like {"image": "a.jpg", "out": "a.png"}');
  }
  const entry = value as Record<string, unknown>;
  const unknown = Object.keys(entry).filter((key) => !KEYS.has(key));
  if (unknown.length > 0) {
    throw new Error(
      `unknown key ${showValue(unknown[0])} (expected image, session, out, vividness, reference)`,
    );
  }
  const text = (key: string, required: boolean): string | undefined => {
    const v = entry[key];
    if (v === undefined && !required) return undefined;
    if (typeof v !== 'string' || v.trim() === '') {
      throw new Error(`"${key}" must be a non-empty string, got ${showValue(v)}`);
    }
    return path.resolve(dir, v);
  };
  const image = text('image', true) as string;
  return {
    image,
    session: text('session', false),
    out: text('out', false) ?? defaultOutPath(image),
    vividness: manifestVividness(entry.vividness),
    reference: text('reference', false),
  };
}
