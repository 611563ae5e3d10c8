import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSession, SessionError, serializeSession } from '../../../src/core/session';
import { sessionArb } from './arbitraries';

/** parseSession either returns a session that serialises again, or throws a SessionError. */
function parsesOrRejectsCleanly(input: unknown): void {
  let session: ReturnType<typeof parseSession>;
  try {
    session = parseSession(input);
  } catch (error) {
    if (!(error instanceof SessionError)) throw error;
    expect(error.issues.length).toBeGreaterThan(0);
    expect(error.message).not.toBe('');
    return;
  }
  expect(() => serializeSession(session)).not.toThrow();
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value inside a JSON tree, root included. */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) out.push(...pathsOf(v, [...prefix, i]));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  }
  return out;
}

type Mutation = { kind: 'set'; value: unknown } | { kind: 'delete' } | { kind: 'wrap' };

/** Applies one mutation at a path of a deep copy; the root itself is replaced by 'set'. */
function mutate(tree: Json, path: (string | number)[], mutation: Mutation): unknown {
  const root = { value: structuredClone(tree) as unknown };
  let parent: Record<string | number, unknown> = root;
  let key: string | number = 'value';
  for (const step of path) {
    parent = parent[key] as Record<string | number, unknown>;
    key = step;
  }
  if (mutation.kind === 'set') parent[key] = mutation.value;
  else if (mutation.kind === 'wrap') parent[key] = [parent[key]];
  else if (Array.isArray(parent)) parent.splice(key as number, 1);
  else delete parent[key];
  return root.value;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), value: fc.anything({ maxDepth: 3 }) }),
  fc.record({
    kind: fc.constant('set' as const),
    value: fc.oneof(fc.double(), fc.string(), fc.constant(null), fc.constant(undefined)),
  }),
  fc.constant({ kind: 'delete' as const }),
  fc.constant({ kind: 'wrap' as const }),
);

describe('session format properties', () => {
  it('every valid session round-trips exactly through serialise/parse', () => {
    fc.assert(
      fc.property(sessionArb, (session) => {
        const text = serializeSession(session);
        const back = parseSession(text);
        expect(back).toEqual(session);
        expect(serializeSession(back)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('random values never throw anything but SessionError', () => {
    fc.assert(fc.property(fc.anything({ maxDepth: 4 }), parsesOrRejectsCleanly), { numRuns: 300 });
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), parsesOrRejectsCleanly), { numRuns: 300 });
  });

  it('valid sessions with a field changed, deleted or wrapped: session or SessionError', () => {
    fc.assert(
      fc.property(
        sessionArb,
        fc.nat(),
        fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
        (session, pick, mutations) => {
          let tree: Json = JSON.parse(serializeSession(session));
          for (const mutation of mutations) {
            const paths = pathsOf(tree);
            tree = mutate(tree, paths[pick % paths.length], mutation) as Json;
          }
          parsesOrRejectsCleanly(tree);
          let text: string | undefined;
          try {
            text = JSON.stringify(tree);
          } catch {
            return; // BigInt and the like: only the value form can be tested
          }
          if (text !== undefined) parsesOrRejectsCleanly(text);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('corrupted session text (truncated or with a character spliced in) is rejected cleanly', () => {
    fc.assert(
      fc.property(sessionArb, fc.nat(), fc.string({ maxLength: 3 }), (session, at, insert) => {
        const text = serializeSession(session);
        const cut = at % (text.length + 1);
        parsesOrRejectsCleanly(text.slice(0, cut));
        parsesOrRejectsCleanly(text.slice(0, cut) + insert + text.slice(cut + 1));
      }),
      { numRuns: 300 },
    );
  });
});
