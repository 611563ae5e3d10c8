import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { History } from '../../../src/core/history';

/**
 * Random sequences of editor operations against a simple reference: a list of committed states
 * and a cursor (unbounded, then trimmed like the real one), plus the open gesture.
 */
type Op =
  | { op: 'mark' }
  | { op: 'update'; value: number }
  | { op: 'commit' }
  | { op: 'rollback' }
  | { op: 'push'; value: number }
  | { op: 'undo' }
  | { op: 'redo' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.constant({ op: 'mark' as const }),
  fc.record({ op: fc.constant('update' as const), value: fc.integer({ min: 0, max: 4 }) }),
  fc.constant({ op: 'commit' as const }),
  fc.constant({ op: 'rollback' as const }),
  fc.record({ op: fc.constant('push' as const), value: fc.integer({ min: 0, max: 4 }) }),
  fc.constant({ op: 'undo' as const }),
  fc.constant({ op: 'redo' as const }),
);

describe('History properties', () => {
  it('behaves like the reference model and never exceeds its bound', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(opArb, { maxLength: 60 }),
        (max, ops) => {
          const history = new History(0, { maxEntries: max });
          let states = [0]; // committed timeline
          let cursor = 0;
          let gesture: { start: number } | null = null;
          let present = 0;
          const record = (next: number) => {
            states = [...states.slice(0, cursor + 1), next].slice(-(max + 1));
            cursor = states.length - 1;
          };
          const commitModel = () => {
            if (gesture && gesture.start !== present) record(present);
            gesture = null;
          };
          for (const step of ops) {
            if (step.op === 'mark') {
              commitModel();
              gesture = { start: present };
              history.mark();
            } else if (step.op === 'update') {
              if (!gesture) {
                expect(() => history.update(step.value)).toThrow();
                continue;
              }
              present = step.value;
              history.update(step.value);
            } else if (step.op === 'commit') {
              commitModel();
              history.commit();
            } else if (step.op === 'rollback') {
              if (gesture) present = gesture.start;
              gesture = null;
              history.rollback();
            } else if (step.op === 'push') {
              commitModel();
              if (step.value !== present) {
                present = step.value;
                record(present);
              }
              history.push(step.value);
            } else if (step.op === 'undo') {
              commitModel();
              if (cursor > 0) present = states[--cursor];
              history.undo();
            } else {
              commitModel();
              if (cursor < states.length - 1) present = states[++cursor];
              history.redo();
            }
            expect(history.present).toBe(present);
            expect(history.size).toBeLessThanOrEqual(max);
            const gestureChanged = gesture !== null && gesture.start !== present;
            expect(history.canRedo).toBe(!gestureChanged && cursor < states.length - 1);
            expect(history.canUndo).toBe(gestureChanged || cursor > 0);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('undo after a committed gesture returns to the marked state; redo returns again', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { maxLength: 10 }),
        fc.array(fc.integer(), { minLength: 1, maxLength: 5 }),
        (before, stroke) => {
          const history = new History<number>(-1);
          for (const value of before) history.push(value);
          const marked = history.present;
          history.mark();
          for (const value of stroke) history.update(value);
          const after = history.present;
          const committed = history.commit();
          expect(committed).toBe(after !== marked);
          if (!committed) return;
          history.undo();
          expect(history.present).toBe(marked);
          history.redo();
          expect(history.present).toBe(after);
        },
      ),
      { numRuns: 300 },
    );
  });
});
