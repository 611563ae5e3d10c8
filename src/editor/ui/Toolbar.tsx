import type { EditorStore } from '../store/editorStore';
import type { EditorSettings } from '../store/settings';
import type { ToolName } from '../tools/types';

interface Props {
  store: EditorStore;
  settings: EditorSettings;
  canUndo: boolean;
  canRedo: boolean;
  onFit: () => void;
  onZoom: (factor: number) => void;
  onHelp: () => void;
}

const TOOLS: { tool: ToolName; label: string; key: string; icon: string }[] = [
  { tool: 'point', label: 'Point tool', key: 'P', icon: '◆' },
  { tool: 'brush', label: 'Brush tool', key: 'B', icon: '✎' },
  { tool: 'eraser', label: 'Eraser tool', key: 'E', icon: '⌫' },
];

/** Left toolbar: tools, undo/redo, view toggles. */
export function Toolbar({ store, settings, canUndo, canRedo, onFit, onZoom, onHelp }: Props) {
  return (
    <nav className="toolbar" aria-label="Tools">
      {TOOLS.map(({ tool, label, key, icon }) => (
        <button
          key={tool}
          type="button"
          className={settings.tool === tool ? 'tool active' : 'tool'}
          aria-label={`${label} (${key})`}
          aria-pressed={settings.tool === tool}
          title={`${label} (${key})`}
          onClick={() => store.setTool(tool)}
        >
          {icon}
        </button>
      ))}
      <hr />
      <button
        type="button"
        className="tool"
        aria-label="Undo (Ctrl+Z)"
        title="Undo (Ctrl+Z)"
        disabled={!canUndo}
        onClick={() => store.undo()}
      >
        ↶
      </button>
      <button
        type="button"
        className="tool"
        aria-label="Redo (Shift+Ctrl+Z)"
        title="Redo (Shift+Ctrl+Z)"
        disabled={!canRedo}
        onClick={() => store.redo()}
      >
        ↷
      </button>
      <hr />
      <button
        type="button"
        className={settings.hintsVisible ? 'tool' : 'tool active'}
        aria-label="Show or hide hints (H)"
        aria-pressed={!settings.hintsVisible}
        title="Show / hide hints (H)"
        onClick={() => store.toggle('hintsVisible')}
      >
        {settings.hintsVisible ? '◉' : '○'}
      </button>
      <button
        type="button"
        className={settings.compare ? 'tool active' : 'tool'}
        aria-label="Before / after comparison (C)"
        aria-pressed={settings.compare}
        title="Before / after (C)"
        onClick={() => store.toggle('compare')}
      >
        ◧
      </button>
      <button
        type="button"
        className={settings.uncertaintyVisible ? 'tool active' : 'tool'}
        aria-label="Uncertainty overlay (U)"
        aria-pressed={settings.uncertaintyVisible}
        title="Uncertainty overlay (U)"
        onClick={() => store.toggle('uncertaintyVisible')}
      >
        ?≈
      </button>
      <hr />
      <button
        type="button"
        className="tool"
        aria-label="Zoom in (+)"
        title="Zoom in (+)"
        onClick={() => onZoom(Math.SQRT2)}
      >
        +
      </button>
      <button
        type="button"
        className="tool"
        aria-label="Zoom out (−)"
        title="Zoom out (−)"
        onClick={() => onZoom(Math.SQRT1_2)}
      >
        −
      </button>
      <button
        type="button"
        className="tool"
        aria-label="Fit to screen (0)"
        title="Fit to screen (0)"
        onClick={onFit}
      >
        ⤢
      </button>
      <div className="spacer" />
      <button
        type="button"
        className="tool"
        aria-label="Keyboard shortcuts (?)"
        title="Keyboard shortcuts (?)"
        onClick={onHelp}
      >
        ⌨
      </button>
    </nav>
  );
}
