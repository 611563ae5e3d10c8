import type { ReactNode } from 'react';
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
        <ToolButton
          key={tool}
          label={`${label} (${key})`}
          pressed={settings.tool === tool}
          onClick={() => store.setTool(tool)}
        >
          {icon}
        </ToolButton>
      ))}
      <hr />
      <ToolButton label="Undo (Ctrl+Z)" disabled={!canUndo} onClick={() => store.undo()}>
        ↶
      </ToolButton>
      <ToolButton label="Redo (Shift+Ctrl+Z)" disabled={!canRedo} onClick={() => store.redo()}>
        ↷
      </ToolButton>
      <hr />
      <ToolButton
        label="Show or hide hints (H)"
        title="Show / hide hints (H)"
        pressed={!settings.hintsVisible}
        onClick={() => store.toggle('hintsVisible')}
      >
        {settings.hintsVisible ? '◉' : '○'}
      </ToolButton>
      <ToolButton
        label="Before / after comparison (C)"
        title="Before / after (C)"
        pressed={settings.compare}
        onClick={() => store.toggle('compare')}
      >
        ◧
      </ToolButton>
      <ToolButton
        label="Uncertainty overlay (U)"
        pressed={settings.uncertaintyVisible}
        onClick={() => store.toggle('uncertaintyVisible')}
      >
        ?≈
      </ToolButton>
      <hr />
      <ToolButton label="Zoom in (+)" onClick={() => onZoom(Math.SQRT2)}>
        +
      </ToolButton>
      <ToolButton label="Zoom out (−)" onClick={() => onZoom(Math.SQRT1_2)}>
        −
      </ToolButton>
      <ToolButton label="Fit to screen (0)" onClick={onFit}>
        ⤢
      </ToolButton>
      <div className="spacer" />
      <ToolButton label="Keyboard shortcuts (?)" onClick={onHelp}>
        ⌨
      </ToolButton>
    </nav>
  );
}

/**
 * One toolbar button: its label (with the shortcut) is both its accessible name and, unless
 * `title` words it shorter, its tooltip. A toggle (`pressed` given) shows its state both ways:
 * aria-pressed for screen readers, the `active` class on screen.
 */
function ToolButton({
  label,
  title = label,
  pressed,
  disabled,
  onClick,
  children,
}: {
  label: string;
  title?: string;
  pressed?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={pressed ? 'tool active' : 'tool'}
      aria-label={label}
      aria-pressed={pressed}
      title={title}
      disabled={disabled}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
