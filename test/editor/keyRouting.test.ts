import { describe, expect, it } from 'vitest';
import { routeKey } from '../../src/editor/keyRouting';

describe('routeKey: shortcuts leave the keys of the focused element alone', () => {
  it('Space presses a focused control, and pans everywhere else', () => {
    expect(routeKey({ key: ' ' }, 'control', false)).toEqual({ action: 'native' });
    expect(routeKey({ key: ' ' }, 'other', false)).toEqual({ action: 'pan' });
  });

  it('Enter presses a focused control', () => {
    expect(routeKey({ key: 'Enter' }, 'control', false)).toEqual({ action: 'native' });
    expect(routeKey({ key: 'Enter' }, 'other', false)).toEqual({ action: 'none' });
  });

  it('an open dialog keeps every key, Escape included; text fields keep theirs', () => {
    for (const key of ['Escape', ' ', 'p', '?', 'Delete']) {
      expect(routeKey({ key }, 'dialog', false)).toEqual({ action: 'native' });
      expect(routeKey({ key }, 'text', false)).toEqual({ action: 'native' });
    }
  });

  it('Escape closes an open menu instead of deselecting; without one it deselects', () => {
    expect(routeKey({ key: 'Escape' }, 'control', true)).toEqual({ action: 'close-menu' });
    expect(routeKey({ key: 'Escape' }, 'other', false)).toEqual({
      action: 'command',
      command: 'deselect',
    });
  });

  it('shortcuts still work with a button focused', () => {
    expect(routeKey({ key: 'b' }, 'control', false)).toEqual({
      action: 'command',
      command: 'tool-brush',
    });
    expect(routeKey({ key: 'z', ctrlKey: true }, 'other', false)).toEqual({
      action: 'command',
      command: 'undo',
    });
    expect(routeKey({ key: 'q' }, 'other', false)).toEqual({ action: 'none' });
  });
});
