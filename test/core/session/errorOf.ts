import { expect } from 'vitest';
import { parseSession, SessionError } from '../../../src/core/session';

/** The SessionError parseSession throws for `input` (fails the test if it parses). */
export function errorOf(input: unknown): SessionError {
  try {
    parseSession(input);
  } catch (error) {
    expect(error).toBeInstanceOf(SessionError);
    return error as SessionError;
  }
  throw new Error('expected parseSession to reject the input');
}
