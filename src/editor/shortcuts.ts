/**
 * Keyboard shortcuts as data: one table drives both the key handler and the help panel, so
 * the help can never list a shortcut that does not exist (or miss one that does).
 */
export type Command =
  | 'tool-point'
  | 'tool-brush'
  | 'tool-eraser'
  | 'tool-pan'
  | 'toggle-hints'
  | 'toggle-compare'
  | 'toggle-uncertainty'
  | 'undo'
  | 'redo'
  | 'delete-selected'
  | 'zoom-in'
  | 'zoom-out'
  | 'zoom-fit'
  | 'zoom-actual'
  | 'size-up'
  | 'size-down'
  | 'deselect'
  | 'save-session'
  | 'open-file'
  | 'export-png'
  | 'help';

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
  altKey?: boolean;
}

interface Shortcut {
  command: Command;
  keys: string;
  description: string;
  matches(e: KeyLike, mod: boolean): boolean;
}

const plain = (key: string) => (e: KeyLike, mod: boolean) =>
  !mod && !e.altKey && e.key.toLowerCase() === key;

export const SHORTCUTS: Shortcut[] = [
  { command: 'tool-point', keys: 'P', description: 'Point tool', matches: plain('p') },
  { command: 'tool-brush', keys: 'B', description: 'Brush tool', matches: plain('b') },
  { command: 'tool-eraser', keys: 'E', description: 'Eraser tool', matches: plain('e') },
  { command: 'tool-pan', keys: 'Space / V', description: 'Pan (hold Space)', matches: plain('v') },
  { command: 'toggle-hints', keys: 'H', description: 'Show / hide hints', matches: plain('h') },
  {
    command: 'toggle-compare',
    keys: 'C',
    description: 'Before / after split',
    matches: plain('c'),
  },
  {
    command: 'toggle-uncertainty',
    keys: 'U',
    description: 'Uncertainty overlay',
    matches: plain('u'),
  },
  {
    command: 'redo',
    keys: 'Shift+Ctrl+Z / Ctrl+Y',
    description: 'Redo',
    matches: (e, mod) =>
      mod && ((e.shiftKey === true && e.key.toLowerCase() === 'z') || e.key.toLowerCase() === 'y'),
  },
  {
    command: 'undo',
    keys: 'Ctrl+Z',
    description: 'Undo',
    matches: (e, mod) => mod && !e.shiftKey && e.key.toLowerCase() === 'z',
  },
  {
    command: 'delete-selected',
    keys: 'Delete / Backspace',
    description: 'Remove the selected point',
    matches: (e, mod) => !mod && (e.key === 'Delete' || e.key === 'Backspace'),
  },
  {
    command: 'zoom-in',
    keys: '+',
    description: 'Zoom in',
    matches: (e, mod) => !mod && (e.key === '+' || e.key === '='),
  },
  {
    command: 'zoom-out',
    keys: '−',
    description: 'Zoom out',
    matches: (e, mod) => !mod && (e.key === '-' || e.key === '_'),
  },
  { command: 'zoom-fit', keys: '0', description: 'Fit to screen', matches: plain('0') },
  { command: 'zoom-actual', keys: '1', description: 'Actual pixels (100 %)', matches: plain('1') },
  { command: 'size-up', keys: ']', description: 'Larger point / brush', matches: plain(']') },
  { command: 'size-down', keys: '[', description: 'Smaller point / brush', matches: plain('[') },
  { command: 'deselect', keys: 'Esc', description: 'Deselect', matches: plain('escape') },
  {
    command: 'save-session',
    keys: 'Ctrl+S',
    description: 'Save session file',
    matches: (e, mod) => mod && !e.shiftKey && e.key.toLowerCase() === 's',
  },
  {
    command: 'open-file',
    keys: 'Ctrl+O',
    description: 'Open photo or session',
    matches: (e, mod) => mod && e.key.toLowerCase() === 'o',
  },
  {
    command: 'export-png',
    keys: 'Shift+Ctrl+E',
    description: 'Export PNG',
    matches: (e, mod) => mod && e.shiftKey === true && e.key.toLowerCase() === 'e',
  },
  { command: 'help', keys: '?', description: 'This help', matches: (e) => e.key === '?' },
];

/** The command for a key press, or null. Ctrl and Cmd are interchangeable (macOS). */
export function commandForKey(e: KeyLike): Command | null {
  const mod = e.ctrlKey === true || e.metaKey === true;
  for (const shortcut of SHORTCUTS) if (shortcut.matches(e, mod)) return shortcut.command;
  return null;
}
