import { useEffect } from 'react';

/** Opens a photo pasted from the clipboard anywhere in the page (other pasted files are ignored). */
export function usePastePhoto(openFile: (file: File) => Promise<void>): void {
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const file = Array.from(event.clipboardData?.files ?? []).find((f) =>
        f.type.startsWith('image/'),
      );
      if (file) void openFile(file);
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [openFile]);
}
