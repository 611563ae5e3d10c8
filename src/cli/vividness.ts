import { type Session, setVividness } from '../core/session';
import { showValue } from '../core/session/issues';
import { UsageError } from './errors';

/**
 * Vividness on the command line and in batch manifests. Either one replaces the session's own
 * value for that render (a manifest line's over the flag), so a batch can sweep it without
 * editing session files; without either, the session's value (the editor's) is used.
 */

const RANGE = 'a number from 0 (natural) to 1 (vivid)';
/** Plain decimals only: Number() would also take "", "0x1" and "1e-1", which are typos here. */
const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

/** `--vividness <0..1>`; undefined when the flag is absent. */
export function parseVividnessFlag(command: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const v = Number(value);
  if (!DECIMAL.test(value) || !(v >= 0 && v <= 1)) {
    throw new UsageError(`${command}: --vividness must be ${RANGE}, got "${value}"`);
  }
  return v;
}

/** A manifest line's "vividness" (a JSON number); throws an Error the caller puts after file:line. */
export function manifestVividness(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new Error(`"vividness" must be ${RANGE}, got ${showValue(value)}`);
  }
  return value;
}

/** The session to render: its vividness replaced when an override is given. */
export function withVividness(session: Session, vividness: number | undefined): Session {
  return vividness === undefined ? session : setVividness(session, vividness);
}
