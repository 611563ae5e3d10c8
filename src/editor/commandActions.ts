import type { useDocument } from './hooks/useDocument';
import type { Command } from './shortcuts';
import type { EditorStore } from './store/editorStore';
import type { ToolName } from './tools/types';
import { ZOOM_STEP } from './view/viewTransform';

/** What the commands act on, as of the current render (App builds it afresh each time). */
export interface CommandTargets {
  store: EditorStore;
  /** The active tool: size-up and size-down change its size. */
  tool: ToolName;
  doc: Pick<ReturnType<typeof useDocument>, 'setNotice' | 'saveSessionFile' | 'exportImage'>;
  /** The current zoom, which zoom-actual divides back out. */
  zoom: number;
  fitView: () => void;
  zoomCentre: (factor: number) => void;
  toggleHelp: () => void;
}

/** What each shortcut command does; shortcuts.ts says which keys trigger them. */
export function commandActions(targets: CommandTargets): Record<Command, () => void> {
  const { store, tool, doc, zoom, fitView, zoomCentre, toggleHelp } = targets;
  return {
    'tool-point': () => store.setTool('point'),
    'tool-brush': () => store.setTool('brush'),
    'tool-eraser': () => store.setTool('eraser'),
    'tool-pan': () =>
      doc.setNotice({
        kind: 'info',
        text: 'Hold Space (or Alt, or the middle button) and drag to pan.',
      }),
    'toggle-hints': () => store.toggle('hintsVisible'),
    'toggle-compare': () => store.toggle('compare'),
    'toggle-uncertainty': () => store.toggle('uncertaintyVisible'),
    undo: () => store.undo(),
    redo: () => store.redo(),
    'delete-selected': () => store.deleteSelected(),
    'zoom-in': () => zoomCentre(ZOOM_STEP),
    'zoom-out': () => zoomCentre(1 / ZOOM_STEP),
    'zoom-fit': () => fitView(),
    'zoom-actual': () => zoomCentre(1 / zoom),
    'size-up': () => store.setSize(store.sizeFor(tool) * 1.25 + 0.5),
    'size-down': () => store.setSize(store.sizeFor(tool) / 1.25),
    deselect: () => store.select(null),
    'save-session': () => doc.saveSessionFile(),
    // The hidden file input belongs to TopBar; clicking it opens the browser's file dialog.
    'open-file': () =>
      document.querySelector<HTMLInputElement>('[data-testid="open-input"]')?.click(),
    'export-png': () => void doc.exportImage(),
    help: toggleHelp,
  };
}
