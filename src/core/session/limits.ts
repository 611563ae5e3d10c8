import { formatPath, lineAndColumn } from './issues';
import { SessionError, type SessionIssue } from './types';

/**
 * Resource bounds on a session, checked before the schema so that a hostile or corrupt file
 * costs milliseconds, not minutes: every limit is far above what the editor can produce.
 */
export const SESSION_LIMITS = {
  /** Bytes of JSON text (UTF-16 code units when given a string). */
  bytes: 64 * 2 ** 20,
  /** Arrays/objects inside each other; a session needs 5. */
  depth: 32,
  hints: 100_000,
  /** Points in one stroke or erase, and in all of them together. */
  strokePoints: 100_000,
  totalPoints: 1_000_000,
  paletteEntries: 4096,
} as const;

const MIB = 2 ** 20;
/** Issues collected before giving up: enough to show the pattern of a broken file. */
const MAX_ISSUES = 8;

/** Size and nesting of JSON text, checked before JSON.parse (which would overflow the stack). */
export function checkJsonText(text: string): void {
  if (text.length > SESSION_LIMITS.bytes) {
    throw fail(
      '(root)',
      `file too large (${(text.length / MIB).toFixed(1)} MiB; the limit is ${SESSION_LIMITS.bytes / MIB} MiB)`,
    );
  }
  const deep = deepestOpening(text, SESSION_LIMITS.depth);
  if (deep >= 0) {
    throw fail(
      '(root)',
      `nesting deeper than ${SESSION_LIMITS.depth} levels at ${lineAndColumn(text, deep)} (a session needs 5)`,
    );
  }
}

/** Offset of the first `[`/`{` nested deeper than `max` outside strings, or −1. Iterative. */
export function deepestOpening(text: string, max: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return -1;
}

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => v !== null && typeof v === 'object';

/**
 * Counts on the raw value, before the schema walks it: wrong types are left for the schema to
 * report. Coordinates are not bounded here (any finite number is a valid position); the
 * rasteriser clips strokes to the image, so far-away ends cost nothing and cannot overflow.
 */
export function checkSessionBounds(value: Loose): void {
  const issues: SessionIssue[] = [];
  const { hints, global } = value;
  const palette = isObject(global) ? global.palette : undefined;
  if (Array.isArray(palette) && palette.length > SESSION_LIMITS.paletteEntries) {
    issues.push(tooMany(['global', 'palette'], palette.length, SESSION_LIMITS.paletteEntries));
  }
  if (Array.isArray(hints)) checkHints(issues, hints);
  if (issues.length > 0) throw new SessionError(issues);
}

function checkHints(issues: SessionIssue[], hints: unknown[]): void {
  if (hints.length > SESSION_LIMITS.hints) {
    issues.push(tooMany(['hints'], hints.length, SESSION_LIMITS.hints, 'hints'));
    return;
  }
  let total = 0;
  for (let k = 0; k < hints.length && issues.length < MAX_ISSUES; k++) {
    const hint = hints[k];
    if (!isObject(hint)) continue;
    const points = hint.points;
    if (Array.isArray(points)) {
      total += points.length;
      if (points.length > SESSION_LIMITS.strokePoints) {
        issues.push(tooMany(['hints', k, 'points'], points.length, SESSION_LIMITS.strokePoints));
      }
    }
  }
  if (total > SESSION_LIMITS.totalPoints) {
    issues.push({
      path: 'hints',
      message: `too many stroke points in all (${total}; the limit is ${SESSION_LIMITS.totalPoints})`,
    });
  }
}

function tooMany(path: (string | number)[], n: number, limit: number, what = 'entries') {
  return { path: formatPath(path), message: `too many ${what} (${n}; the limit is ${limit})` };
}

function fail(path: string, message: string): SessionError {
  return new SessionError([{ path, message }]);
}
