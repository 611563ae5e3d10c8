import { describe, expect, it } from 'vitest';
import { commandForKey, SHORTCUTS } from '../../src/editor/shortcuts';

describe('keyboard shortcuts', () => {
  it('maps tool letters, case-insensitively, without modifiers', () => {
    expect(commandForKey({ key: 'p' })).toBe('tool-point');
    expect(commandForKey({ key: 'B' })).toBe('tool-brush');
    expect(commandForKey({ key: 'e' })).toBe('tool-eraser');
    expect(commandForKey({ key: 'h' })).toBe('toggle-hints');
    expect(commandForKey({ key: 'p', ctrlKey: true })).toBeNull();
  });

  it('undo and the three redo spellings, Ctrl or Cmd', () => {
    expect(commandForKey({ key: 'z', ctrlKey: true })).toBe('undo');
    expect(commandForKey({ key: 'z', metaKey: true })).toBe('undo');
    expect(commandForKey({ key: 'Z', ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(commandForKey({ key: 'z', metaKey: true, shiftKey: true })).toBe('redo');
    expect(commandForKey({ key: 'y', ctrlKey: true })).toBe('redo');
    expect(commandForKey({ key: 'z' })).toBeNull();
  });

  it('delete, zoom and help keys', () => {
    expect(commandForKey({ key: 'Delete' })).toBe('delete-selected');
    expect(commandForKey({ key: 'Backspace' })).toBe('delete-selected');
    expect(commandForKey({ key: '+' })).toBe('zoom-in');
    expect(commandForKey({ key: '=' })).toBe('zoom-in');
    expect(commandForKey({ key: '-' })).toBe('zoom-out');
    expect(commandForKey({ key: '0' })).toBe('zoom-fit');
    expect(commandForKey({ key: '?', shiftKey: true })).toBe('help');
    expect(commandForKey({ key: 'E', ctrlKey: true, shiftKey: true })).toBe('export-png');
  });

  it('every command appears once in the help table', () => {
    const commands = SHORTCUTS.map((s) => s.command);
    expect(new Set(commands).size).toBe(commands.length);
  });
});
