import { loadColorizer } from '../../colorizer';
import { emptySession } from '../../core/session';
import { type ModelFiles, nodeWasmPaths } from '../modelFiles';
import { syntheticL, timeMedian } from './timing';

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
export async function benchRenderViews(
  files: ModelFiles,
  runs: number,
): Promise<{ views: string; ms: number; runs: number }[]> {
  const colorizer = await loadColorizer({
    model: { modelJson: files.modelJson, weights: files.weights },
    backend: 'wasm',
    wasmPaths: nodeWasmPaths(),
  });
  try {
    const size = 256;
    const image = { width: size, height: size, L: syntheticL(size, size) };
    const session = emptySession({ width: size, height: size, name: 'bench' });
    session.hints = [
      { kind: 'point', x: 40, y: 40, size: 8, ab: [40, 30] },
      { kind: 'point', x: 200, y: 60, size: 8, ab: [-20, 50] },
      { kind: 'point', x: 128, y: 200, size: 8, ab: [10, -40] },
    ];
    const out: { views: string; ms: number; runs: number }[] = [];
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
