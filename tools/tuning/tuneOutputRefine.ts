/**
 * Tunes render()'s second, output-resolution propagation pass (OUTPUT_REFINE in
 * src/colorizer/refine/params.ts) on train256 photos — never val256. The working-resolution
 * ab is made as render() makes it (mirror averaging, EXPORT_REFINE); each setting is applied
 * to the same upsampled ab, then hint colours are written and PSNR is taken on 8-bit sRGB,
 * with the median cost per composeRefined call.
 *
 *   npx tsx tools/tuning/tuneOutputRefine.ts --tar SHARD.tar [--photos 40] [--model model.json]
 *     [--cascade]   (coarse-to-fine starts instead of the σ × iterations grid)
 */
import path from 'node:path';
import { nodeWasmPaths, readModelFiles } from '../../src/cli/modelFiles';
import { loadColorizer } from '../../src/colorizer';
import {
  composeRefined,
  EXPORT_REFINE,
  OUTPUT_REFINE,
  type RefineParams,
  refineAb,
} from '../../src/colorizer/refine';
import { rasterizeHints } from '../../src/core/raster';
import { emptySession } from '../../src/core/session';
import { protocolHints, psnr, readPhotos, refineLabel, tuningArgs, workingL } from './protocol';

const KS = [1, 5, 20, 100];

const USAGE =
  'npx tsx tools/tuning/tuneOutputRefine.ts --tar SHARD.tar [--photos N] [--model model.json] [--cascade]';

function grid(cascade: boolean): (RefineParams | null)[] {
  const out: (RefineParams | null)[] = [null];
  const base = { sigma: 2, mu: 1e-5, beta: 10, tolerance: 1e-4 };
  if (cascade) {
    // Coarse-to-fine starts (src/colorizer/refine/cascade.ts) against the single-grid solve.
    out.push({ ...base, maxIterations: 100 });
    for (const [coarseLevels, coarseIterations, maxIterations] of [
      [2, 50, 25],
      [3, 60, 30],
      [3, 100, 50],
      [3, 100, 100],
    ])
      out.push({ ...base, coarseLevels, coarseIterations, maxIterations });
    return out;
  }
  for (const sigma of [2, 3])
    for (const maxIterations of [25, 50, 100, 200]) out.push({ ...base, sigma, maxIterations });
  return out;
}

const label = (p: RefineParams | null) => refineLabel(p, 'working pass only');

async function main(): Promise<void> {
  const { count, tar, model, values } = tuningArgs(USAGE, { cascade: { type: 'boolean' } });
  const c = await loadColorizer({
    model: await readModelFiles(model),
    backend: 'wasm',
    wasmPaths: nodeWasmPaths(),
  });
  const photos = await readPhotos(tar, count);
  const settings = grid(values.cascade === true);
  const sums = settings.map(() => KS.map(() => 0));
  const ms = settings.map((): number[] => []);
  for (const photo of photos) {
    const { width, height } = photo.grey;
    const all = protocolHints(photo, Math.max(...KS));
    for (const [ki, k] of KS.entries()) {
      const session = {
        ...emptySession({ width, height, name: photo.key }),
        hints: all.slice(0, k),
      };
      // The working-res ab exactly as render() makes it: mirror averaging, EXPORT_REFINE.
      const net = await c.colorize(photo.grey, session, { refine: false, mirror: true });
      const ab = refineAb(
        {
          width: net.width,
          height: net.height,
          ab: net.ab,
          hints: rasterizeHints(session, net.width, net.height),
          l: workingL(photo.grey, net.width, net.height, c.meta.lScale),
          lScale: c.meta.lScale,
          abLimit: c.meta.abScale,
        },
        EXPORT_REFINE,
      ).ab;
      const hints = rasterizeHints(session, width, height);
      for (const [si, refine] of settings.entries()) {
        const t0 = performance.now();
        const rgba = composeRefined(photo.grey, ab, net.width, net.height, hints, {
          refine,
          abLimit: c.meta.abScale,
        });
        ms[si].push(performance.now() - t0);
        sums[si][ki] += psnr(photo.rgba, rgba);
      }
    }
  }
  console.log(
    `${photos.length} photos from ${path.basename(tar)}; ms = median composeRefined call`,
  );
  console.log(`| setting | ${KS.map((k) => `k=${k}`).join(' | ')} | ms |`);
  for (const [si, p] of settings.entries()) {
    const median = ms[si].sort((a, b) => a - b)[ms[si].length >> 1];
    const chosen = p && label(p) === label(OUTPUT_REFINE) ? ' (shipped)' : '';
    const row = sums[si].map((s) => (s / photos.length).toFixed(3)).join(' | ');
    console.log(`| ${label(p)}${chosen} | ${row} | ${median.toFixed(0)} |`);
  }
  c.dispose();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
