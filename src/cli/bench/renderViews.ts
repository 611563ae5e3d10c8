import { loadColorizer } from '../../colorizer';
import { type ModelFiles, nodeWasmPaths } from '../modelFiles';
import { benchInput } from './nodeBench';
import type { RenderViewsRow } from './report';
import { timeMedian } from './timing';

/** The views render() can average (src/colorizer/predict.ts); the last is its default. */
const VIEW_SETS = [
  { views: 'plain', mirror: false, shift: false },
  { views: 'mirror', mirror: true, shift: false },
  { views: 'mirror + half-stride shift (default)', mirror: true, shift: true },
] as const;

/**
 * render() (the export path) of a 256² photo with three colour points at the model's own
 * working size, Node WASM, once per set of network views: what each view adds to an export.
 */
export async function benchRenderViews(files: ModelFiles, runs: number): Promise<RenderViewsRow[]> {
  const colorizer = await loadColorizer({
    model: { modelJson: files.modelJson, weights: files.weights },
    backend: 'wasm',
    wasmPaths: nodeWasmPaths(),
  });
  try {
    const { image, session } = benchInput(256);
    const out: RenderViewsRow[] = [];
    for (const v of VIEW_SETS) {
      const t = await timeMedian(
        () => colorizer.render(image, session, { mirror: v.mirror, shift: v.shift }),
        runs,
        2,
      );
      out.push({ views: v.views, ...t });
    }
    return out;
  } finally {
    colorizer.dispose();
  }
}
