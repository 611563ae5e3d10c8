import type { EditorStore } from '../store/editorStore';
import { type EditorSettings, MAX_HINT_SIZE, MIN_HINT_SIZE } from '../store/settings';
import { SpreadControl } from './SpreadControl';

const LABEL = { point: 'Point size', brush: 'Brush width', eraser: 'Eraser width' } as const;

/** Size of the active tool (and of the selected point, for the point tool), in photo pixels. */
export function SizeControl({ store, settings }: { store: EditorStore; settings: EditorSettings }) {
  const size = store.sizeFor(settings.tool);
  return (
    <section className="panel compact">
      <label className="row">
        {LABEL[settings.tool]}
        <input
          type="range"
          min={MIN_HINT_SIZE}
          max={Math.min(MAX_HINT_SIZE, 200)}
          value={size}
          aria-label={LABEL[settings.tool]}
          onPointerDown={() => store.beginAdjust()}
          onPointerUp={() => store.endAdjust()}
          onChange={(e) => store.setSize(Number(e.target.value))}
        />
        <output>{size} px</output>
      </label>
      <SpreadControl store={store} settings={settings} />
    </section>
  );
}
