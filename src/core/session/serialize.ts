import { toSessionIssues } from './issues';
import { sessionSchema } from './schema';
import {
  type Hint,
  type HintSpread,
  type PaletteEntry,
  type Session,
  SessionError,
  type SessionReference,
} from './types';

/**
 * Writes a session as pretty JSON with a fixed key order and one hint (or palette entry) per
 * line, so saved files diff well. parseSession(serializeSession(s)) deep-equals s, −0 included.
 * An invalid in-memory session is refused with a SessionError instead of being written: a NaN
 * would otherwise become `null` and the file would no longer load.
 */
export function serializeSession(session: Session): string {
  const checked = sessionSchema.safeParse(session);
  if (!checked.success) throw new SessionError(toSessionIssues(checked.error.issues, session));

  const { image, hints, global } = session;
  const lines = [
    '{',
    `  "format": ${inline(session.format)},`,
    `  "version": ${inline(session.version)},`,
    `  "image": ${inline({ width: image.width, height: image.height, name: image.name })},`,
    `  "hints": ${block(hints.map(orderedHint), '  ')},`,
    '  "global": {',
    `    "saturation": ${inline(global.saturation)},`,
    `    "palette": ${global.palette === null ? 'null' : block(global.palette.map(orderedEntry), '    ')}`,
    '  },',
    `  "vividness": ${inline(session.vividness)}${session.reference ? ',' : ''}`,
    ...(session.reference ? [`  "reference": ${inline(orderedReference(session.reference))}`] : []),
    '}',
  ];
  return `${lines.join('\n')}\n`;
}

/** Rebuilds each hint with the documented key order (object literal order is JSON order). */
function orderedHint(hint: Hint): object {
  switch (hint.kind) {
    case 'point': {
      const { kind, x, y, size, ab, from } = hint;
      return { kind, x, y, size, ab, ...orderedSpread(hint), ...(from && { from }) };
    }
    case 'stroke':
      return {
        kind: hint.kind,
        points: hint.points,
        width: hint.width,
        ab: hint.ab,
        ...orderedSpread(hint),
      };
    case 'erase':
      return { kind: hint.kind, points: hint.points, width: hint.width };
  }
}

/** Optional fields are written only when present, so v3 files without them stay as short. */
function orderedSpread(hint: HintSpread): HintSpread {
  return {
    ...(hint.contain !== undefined && { contain: hint.contain }),
    ...(hint.reach !== undefined && { reach: hint.reach }),
  };
}

function orderedReference(reference: SessionReference): SessionReference {
  return { name: reference.name, width: reference.width, height: reference.height };
}

function orderedEntry(entry: PaletteEntry): object {
  return { ab: entry.ab, weight: entry.weight };
}

/** A list with one inline item per line, indented under `indent`. */
function block(items: unknown[], indent: string): string {
  if (items.length === 0) return '[]';
  const inner = items.map((item) => `${indent}  ${inline(item)}`).join(',\n');
  return `[\n${inner}\n${indent}]`;
}

/** Single-line JSON with spaces after ':' and ','. JSON.stringify would write −0 as 0. */
function inline(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`);
    return `{ ${fields.join(', ')} }`;
  }
  return JSON.stringify(value);
}
