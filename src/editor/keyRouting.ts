import { type Command, commandForKey, type KeyLike } from './shortcuts';

/** Where a key press lands, as far as the editor's shortcuts are concerned. */
export type KeyTarget =
  /** A text field: every key is typing. */
  | 'text'
  /** A modal dialog is open: it handles its own keys (Escape closes it, Tab stays inside). */
  | 'dialog'
  /** A button, checkbox, radio, link, menu summary or file input: Space and Enter press it. */
  | 'control'
  /** Anything else: the photo canvas, a slider, the page. */
  | 'other';

export type KeyDecision =
  /** Leave the key to the browser and the focused element. */
  | { action: 'native' }
  /** Space: hold to pan the photo. */
  | { action: 'pan' }
  /** Escape while the demo menu is open: close it (and nothing else). */
  | { action: 'close-menu' }
  | { action: 'command'; command: Command }
  | { action: 'none' };

const NATIVE: KeyDecision = { action: 'native' };

/**
 * What the editor's global key handler does with a key press. Shortcuts must not swallow the
 * keys that operate the focused element: Space and Enter press a focused control, and an open
 * dialog or menu gets Escape before the editor's "deselect" does.
 */
export function routeKey(e: KeyLike, target: KeyTarget, menuOpen: boolean): KeyDecision {
  if (target === 'text' || target === 'dialog') return NATIVE;
  if (e.key === 'Escape' && menuOpen) return { action: 'close-menu' };
  if (e.key === ' ') return target === 'control' ? NATIVE : { action: 'pan' };
  if (e.key === 'Enter' && target === 'control') return NATIVE;
  const command = commandForKey(e);
  return command ? { action: 'command', command } : { action: 'none' };
}
