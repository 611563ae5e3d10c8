import { History } from '../../src/core/history';
import { emptySession } from '../../src/core/session';
import type { Ab, Session } from '../../src/core/session/types';
import type { Tool, ToolEvent } from '../../src/editor/tools/types';

/** Drives one tool against a real History, as the store does, recording what it did. */
export function harness<S>(
  tool: Tool<S>,
  start: Session = emptySession({ width: 200, height: 100, name: 'p' }),
) {
  const history = new History(start);
  let state = tool.initial;
  let selected: number | null = null;
  const ops: string[] = [];
  const event = (
    x: number,
    y: number,
    color: Ab = [20, -30],
    size = 6,
    colorAt?: ToolEvent['colorAt'],
  ): ToolEvent => ({
    x,
    y,
    session: history.present,
    color,
    size,
    selected,
    hitTolerance: 2,
    ...(colorAt ? { colorAt } : {}),
  });
  const apply = (result: ReturnType<Tool<S>['onPointerDown']>) => {
    state = result.state;
    if (result.select !== undefined) selected = result.select;
    for (const op of result.edit) {
      ops.push(op.op);
      if (op.op === 'mark') history.mark();
      else if (op.op === 'update') history.update(op.session);
      else if (op.op === 'commit') history.commit();
      else history.rollback();
    }
  };
  return {
    history,
    ops,
    get state() {
      return state;
    },
    get selected() {
      return selected;
    },
    down: (x: number, y: number, color?: Ab, size?: number, colorAt?: ToolEvent['colorAt']) =>
      apply(tool.onPointerDown(state, event(x, y, color, size, colorAt))),
    move: (x: number, y: number) => apply(tool.onPointerMove(state, event(x, y))),
    up: (x: number, y: number) => apply(tool.onPointerUp(state, event(x, y))),
    cancel: () => apply(tool.onPointerCancel(state)),
  };
}
