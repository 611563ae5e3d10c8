import { useEffect, useRef, useState } from 'react';
import { type Command, commandForKey } from '../shortcuts';

/** Keys typed into a text field belong to the field, not to the editor. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement)
    return !['range', 'checkbox', 'button', 'file'].includes(target.type);
  return target.isContentEditable || target instanceof HTMLTextAreaElement;
}

/** Routes shortcut keys to `run`; reports whether Space is held (temporary pan). */
export function useKeyboard(run: (command: Command) => void): { spaceHeld: boolean } {
  const [spaceHeld, setSpaceHeld] = useState(false);
  const runRef = useRef(run);
  runRef.current = run;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target)) return;
      if (event.key === ' ') {
        event.preventDefault();
        setSpaceHeld(true);
        return;
      }
      const command = commandForKey(event);
      if (!command) return;
      event.preventDefault();
      runRef.current(command);
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
