import { type ParseError, parse as parseJsonc, printParseErrorCode } from 'jsonc-parser';
import { formatPath, lineAndColumn, showValue, toSessionIssues } from './issues';
import { checkJsonText, checkSessionBounds } from './limits';
import { migrateV1, migrateV2 } from './migrate';
import { sessionSchema, sessionV1Schema, sessionV2Schema } from './schema';
import {
  READABLE_VERSIONS,
  SESSION_FORMAT,
  SESSION_VERSION,
  type Session,
  SessionError,
} from './types';

/**
 * Reads a session from JSON text or an already-parsed value. Either the whole session is valid
 * and returned (a fresh object, sharing nothing with the input) or a SessionError lists every
 * problem with its field path; no other exception escapes. Older versions are validated against
 * their own format, then migrated, so the result is always the current version.
 */
export function parseSession(input: string | unknown): Session {
  try {
    const value = typeof input === 'string' ? parseJsonText(input) : input;
    const version = checkFormatAndVersion(value);
    checkSessionBounds(value as Record<string, unknown>);
    if (version === 1) {
      const old = sessionV1Schema.safeParse(value);
      if (!old.success) throw new SessionError(toSessionIssues(old.error.issues, value, 1));
      return migrateV1(old.data);
    }
    if (version === 2) {
      const old = sessionV2Schema.safeParse(value);
      if (!old.success) throw new SessionError(toSessionIssues(old.error.issues, value, 2));
      return migrateV2(old.data);
    }
    const result = sessionSchema.safeParse(value);
    if (!result.success) throw new SessionError(toSessionIssues(result.error.issues, value));
    return result.data;
  } catch (error) {
    if (error instanceof SessionError) throw error;
    // Exotic inputs (proxies, throwing getters) must still fail as a SessionError.
    throw fail('(root)', `could not be read: ${error instanceof Error ? error.message : error}`);
  }
}

function fail(path: string, message: string): SessionError {
  return new SessionError([{ path, message }]);
}

/**
 * format and version are checked before the schema: a file that is not a session, or one from a
 * newer Tintype, deserves that one explanation rather than a list of field errors.
 */
function checkFormatAndVersion(value: unknown): (typeof READABLE_VERSIONS)[number] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw fail('(root)', `expected a Tintype session object, got ${showValue(value)}`);
  }
  const { format, version } = value as { format?: unknown; version?: unknown };
  if (format !== SESSION_FORMAT) {
    const got = format === undefined ? 'it is missing' : `got ${showValue(format)}`;
    throw fail('format', `expected "${SESSION_FORMAT}" (this is not a Tintype session), ${got}`);
  }
  if (typeof version === 'number' && Number.isFinite(version) && version > SESSION_VERSION) {
    throw fail(
      'version',
      `this session was saved by a newer Tintype (version ${version}); ` +
        `this version reads versions up to ${SESSION_VERSION}`,
    );
  }
  const readable = READABLE_VERSIONS.find((v) => v === version);
  if (readable === undefined) {
    const got = version === undefined ? 'but it is missing' : `got ${showValue(version)}`;
    throw fail('version', `expected ${orList(READABLE_VERSIONS)}, ${got}`);
  }
  return readable;
}

/** [1, 2, 3] → "1, 2 or 3". */
function orList(items: readonly number[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function parseJsonText(text: string): unknown {
  // Some editors save UTF-8 with a byte-order mark, which JSON.parse rejects.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  checkJsonText(body);
  try {
    return JSON.parse(body);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw fail(formatPath([]), `invalid JSON ${locateSyntaxError(body, reason)}`);
  }
}

/**
 * Node 20's JSON.parse does not always say where it failed ("Unexpected token '}', … is not
 * valid JSON"), so the first error is located with jsonc-parser in strict-JSON mode; V8's own
 * "position N" is the fallback for the few inputs jsonc-parser accepts but JSON does not.
 */
function locateSyntaxError(text: string, reason: string): string {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  const first = errors[0];
  if (first) return `at ${lineAndColumn(text, first.offset)}: ${describe(first.error)}`;
  const position = /position (\d+)/.exec(reason);
  if (position) return `at ${lineAndColumn(text, Number(position[1]))}: ${reason}`;
  return `(${reason})`;
}

function describe(code: ParseError['error']): string {
  // "CloseBraceExpected" → "close brace expected"
  return printParseErrorCode(code)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}
