import type * as z from 'zod';
import { SESSION_VERSION, type SessionError, type SessionIssue } from './types';

/**
 * Turns zod issues into `{ path, message }` in the style
 * `hints[3].ab[1]: expected a number in [-128, 127], got "red"`.
 * The received value is looked up in the original input (zod reports ±Infinity as null).
 */

type PathKey = PropertyKey;

/** Longest shown excerpt of a received value; enough to recognise it, short enough to read. */
const MAX_SHOWN = 40;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function formatPath(path: readonly PathKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && IDENTIFIER.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || '(root)';
}

/** Short JSON-ish rendering of a value found in the input, truncated. */
export function showValue(value: unknown): string {
  let text: string;
  if (value === undefined) return 'nothing';
  if (typeof value === 'number') text = Object.is(value, -0) ? '-0' : String(value);
  else if (typeof value === 'bigint') text = `${value}n`;
  else if (typeof value === 'function' || typeof value === 'symbol') text = `a ${typeof value}`;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = Object.prototype.toString.call(value); // circular or otherwise unserialisable
    }
  }
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

interface Found {
  present: boolean;
  value: unknown;
}

function lookup(input: unknown, path: readonly PathKey[]): Found {
  let here: unknown = input;
  for (const key of path) {
    if (here === null || typeof here !== 'object' || !Object.hasOwn(here, key)) {
      return { present: false, value: undefined };
    }
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  return { present: true, value: here };
}

/** `version` names the format the input was checked against, for unknown-field messages. */
export function toSessionIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  version: number = SESSION_VERSION,
): SessionIssue[] {
  const out: SessionIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({
          path: formatPath([...issue.path, key]),
          message: `unknown field (session format v${version} has no such field here)`,
        });
      }
      continue;
    }
    const found = lookup(input, issue.path);
    const got = found.present ? `got ${showValue(found.value)}` : 'but it is missing';
    out.push({ path: formatPath(issue.path), message: `${issue.message}, ${got}` });
  }
  return out;
}

/** 1-based line and column of a UTF-16 offset. */
export function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/**
 * Issues the parser puts one per line, joined; past a few the rest are only counted. Each is
 * cut short: a mangled file can have a key or path thousands of characters long.
 */
const ISSUES_SHOWN = 3;
const ISSUE_CHARS = 160;
export function issuesOnOneLine(error: SessionError): string {
  const shown = error.issues.slice(0, ISSUES_SHOWN).map((i) => {
    const text = `${i.path}: ${i.message}`.replace(/[\r\n]+/g, ' ');
    return text.length > ISSUE_CHARS ? `${text.slice(0, ISSUE_CHARS - 1)}…` : text;
  });
  const more = error.issues.length - ISSUES_SHOWN;
  return more > 0 ? `${shown.join('; ')} (and ${more} more)` : shown.join('; ');
}
