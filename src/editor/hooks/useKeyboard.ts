import { useEffect, useRef, useState } from 'react';
import { type KeyTarget, routeKey } from '../keyRouting';
import type { Command } from '../shortcuts';

/** Elements that Space or Enter press. */
const CONTROLS =
  'button, summary, a[href], select, [role="button"], [role="menuitem"], [role="checkbox"], ' +
  'input[type="checkbox"], input[type="radio"], input[type="button"], input[type="submit"], ' +
  'input[type="file"]';

/** Keys typed into a text field belong to the field, not to the editor. */
function isTyping(target: Element): boolean {
  if (target instanceof HTMLInputElement)
    return !['range', 'checkbox', 'radio', 'button', 'submit', 'file'].includes(target.type);
  return (
    (target instanceof HTMLElement && target.isContentEditable) ||
    target instanceof HTMLTextAreaElement
  );
}

function keyTargetOf(target: EventTarget | null): KeyTarget {
  if (document.querySelector('dialog:modal')) return 'dialog';
  if (!(target instanceof Element)) return 'other';
  if (isTyping(target)) return 'text';
  return target.closest(CONTROLS) ? 'control' : 'other';
}

/** The open drop-down menu (the demo photos), if any. */
const openMenu = () => document.querySelector<HTMLDetailsElement>('details[open]');

/** Routes shortcut keys to `run`; reports whether Space is held (temporary pan). */
export function useKeyboard(run: (command: Command) => void): { spaceHeld: boolean } {
  const [spaceHeld, setSpaceHeld] = useState(false);
  const runRef = useRef(run);
  runRef.current = run;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const decision = routeKey(event, keyTargetOf(event.target), openMenu() !== null);
      if (decision.action === 'native' || decision.action === 'none') return;
      event.preventDefault();
      if (decision.action === 'pan') setSpaceHeld(true);
      else if (decision.action === 'close-menu') {
        const menu = openMenu();
        menu?.removeAttribute('open');
        menu?.querySelector('summary')?.focus();
      } else runRef.current(decision.command);
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key === ' ') setSpaceHeld(false);
    };
    const onBlur = () => setSpaceHeld(false);
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    window.addEventListener('blur', onBlur);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('blur', onBlur);
    };
  }, []);
  return { spaceHeld };
}
