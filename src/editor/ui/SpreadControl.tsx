import type { EditorStore } from '../store/editorStore';
import type { EditorSettings } from '../store/settings';

/** Longest reach the slider offers, source pixels; 0 on the slider means no limit. */
const MAX_REACH = 200;

/**
 * Contain and reach of the active tool's new hints (point, brush), and of the selected point:
 * contained colour stops at the photo's lightness edges; reach caps how far it travels.
 */
export function SpreadControl({
  store,
  settings,
}: {
  store: EditorStore;
  settings: EditorSettings;
}) {
  const tool = settings.tool;
  if (tool !== 'point' && tool !== 'brush') return null;
  const spread = store.spreadFor(tool);
  const reach = spread.reach ?? 0;
  return (
    <>
      <label className="row">
        <input
          type="checkbox"
          checked={spread.contain === true}
          aria-label="Contain"
          onChange={(e) => store.setSpread({ ...spread, contain: e.target.checked })}
        />
        Contain (stop at edges)
      </label>
      <label className="row">
        Reach
        <input
          type="range"
          min={0}
          max={MAX_REACH}
          value={Math.min(MAX_REACH, Math.round(reach))}
          aria-label="Reach"
          onPointerDown={() => store.beginAdjust()}
          onPointerUp={() => store.endAdjust()}
          onChange={(e) => {
            const value = Number(e.target.value);
            store.setSpread({ ...spread, reach: value > 0 ? value : undefined });
          }}
        />
        <output>{reach > 0 ? `${Math.round(reach)} px` : 'no limit'}</output>
      </label>
    </>
  );
}
