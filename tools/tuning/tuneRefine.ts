/**
 * Tunes the residual propagation (src/colorizer/refine) on train256 photos — never val256,
 * which is for reporting. Simulates the Zhang et al. protocol (6×6 patches, centre ~ N(image
 * centre, (side/4)²) clipped inside, mean ground-truth ab, non-overlapping, prefix-consistent),
 * runs the shipped model once per (photo, k) without refinement, then applies every setting
 * and composes exactly as colorizer.render does (refineAb → composeRefined: guided upsampling,
 * the output-resolution pass, hint colours),
 * scoring PSNR on 8-bit sRGB. A final pass checks colorizer.render with the default settings
 * reproduces the EXPORT_REFINE row (render's working pass). The net runs with mirror averaging,
 * as render runs it; the per-stroke preview (DEFAULT_REFINE) runs without, so its rows here are
 * a close proxy.
 *
 *   npx tsx tools/tuning/tuneRefine.ts --tar SHARD.tar [--photos 40] [--model model.json]
 *   npx tsx tools/tuning/tuneRefine.ts --tar SHARD.tar --time      (cost of refineAb alone)
 *   npx tsx tools/tuning/tuneRefine.ts --tar SHARD.tar --grid long (slow, far-reaching solves)
 *   npx tsx tools/tuning/tuneRefine.ts --tar SHARD.tar --grid cascade [--preview]  (coarse-to-fine)
 * --preview scores the per-stroke path instead: no mirror averaging, no output-resolution
 * pass (what the editor shows between exports). Every table also gives the median ms of the
 * refineAb call itself.
 */
import path from 'node:path';
import { nodeWasmPaths, readModelFiles } from '../../src/cli/modelFiles';
import { type Colorizer, loadColorizer } from '../../src/colorizer';
import {
  composeRefined,
  DEFAULT_REFINE,
  EXPORT_REFINE,
  type RefineParams,
  refineAb,
} from '../../src/colorizer/refine';
import { rasterizeHints } from '../../src/core/raster';
import { emptySession, type Session } from '../../src/core/session';
import {
  type Photo,
  protocolHints,
  psnr,
  readPhotos,
  refineLabel,
  tuningArgs,
  workingL,
} from './protocol';

const KS = [1, 5, 20, 100];

/** The grid searched; `--grid long` tries far-reaching, well-converged solves instead. */
function settingsGrid(grid: string): RefineParams[] {
  const out: RefineParams[] = [];
  if (grid === 'cascade') {
    // The single-grid solves the cascade replaced, then coarse-to-fine variants of both.
    const preview = { sigma: 2, mu: 1e-5, beta: 10, tolerance: 1e-4 };
    const exportish = { ...preview, mu: 1e-6 };
    out.push({ ...preview, maxIterations: 200 }, { ...exportish, maxIterations: 400 });
    for (const [coarseLevels, coarseIterations, maxIterations] of [
      [1, 100, 50],
      [2, 60, 30],
      [2, 100, 50],
      [3, 60, 30],
      [3, 100, 60],
    ])
      out.push({ ...preview, coarseLevels, coarseIterations, maxIterations });
    for (const it of [100, 200])
      out.push({ ...exportish, coarseLevels: 3, coarseIterations: it, maxIterations: it });
    return out;
  }
  if (grid === 'long') {
    for (const sigma of [2, 3, 5])
      for (const mu of [1e-6, 1e-5])
        for (const maxIterations of [100, 200, 400])
          out.push({ sigma, mu, beta: 10, maxIterations, tolerance: 1e-4 });
    return out;
  }
  for (const sigma of [1.5, 3, 6])
    for (const mu of [3e-5, 1e-4, 3e-4, 1e-3])
      for (const beta of [1, 10])
        for (const maxIterations of [20, 40, 80])
          out.push({ sigma, mu, beta, maxIterations, tolerance: 1e-3 });
  return out;
}

const label = (p: RefineParams | null) => refineLabel(p, 'no refinement');

const USAGE =
  'npx tsx tools/tuning/tuneRefine.ts --tar SHARD.tar [--photos N] [--model model.json] [--grid short|long|cascade] [--preview] [--time]';
/** --preview: score the per-stroke path (set once by main). */
let PREVIEW = false;

/** PSNR per setting (null = none) and k, summed over photos; `ms`: refineAb calls per setting. */
async function score(
  c: Colorizer,
  photos: Photo[],
  settings: (RefineParams | null)[],
  ms: number[][] = settings.map(() => []),
) {
  const sums = settings.map(() => KS.map(() => 0));
  const lScale = c.meta.lScale;
  for (const photo of photos) {
    const all = protocolHints(photo, Math.max(...KS));
    for (const [ki, k] of KS.entries()) {
      const session: Session = {
        ...emptySession({ width: photo.grey.width, height: photo.grey.height, name: photo.key }),
        hints: all.slice(0, k),
      };
      const net = await c.colorize(photo.grey, session, { refine: false, mirror: !PREVIEW });
      const hintsWork = rasterizeHints(session, net.width, net.height);
      const hintsFull = rasterizeHints(session, photo.grey.width, photo.grey.height);
      const l = workingL(photo.grey, net.width, net.height, lScale);
      for (const [si, p] of settings.entries()) {
        const t0 = performance.now();
        const ab = p
          ? refineAb(
              {
                width: net.width,
                height: net.height,
                ab: net.ab,
                hints: hintsWork,
                l,
                lScale,
                abLimit: c.meta.abScale,
              },
              p,
            ).ab
          : net.ab;
        ms[si].push(performance.now() - t0);
        // Composed as render() does, output-resolution pass included (./tuneOutputRefine.ts),
        // or without it for --preview.
        const rgba = composeRefined(photo.grey, ab, net.width, net.height, hintsFull, {
          abLimit: c.meta.abScale,
          ...(PREVIEW ? { refine: null } : {}),
        });
        sums[si][ki] += psnr(photo.rgba, rgba);
      }
    }
  }
  return sums.map((row) => row.map((s) => s / photos.length));
}

/**
 * --time: refineAb alone (DEFAULT_REFINE) at working sizes 128×96 and 256×192 with 100 protocol
 * hints from a train256 photo; prints median wall (performance.now) and CPU time per call,
 * since on a shared machine wall time also counts other processes.
 */
async function timeRefine(photo: Photo, abLimit: number): Promise<void> {
  const session = {
    ...emptySession({ width: photo.grey.width, height: photo.grey.height, name: photo.key }),
    hints: protocolHints(photo, 100),
  };
  for (const [w, h] of [
    [128, 96],
    [256, 192],
  ]) {
    const hints = rasterizeHints(session, w, h);
    const input = {
      width: w,
      height: h,
      ab: new Float32Array(2 * w * h),
      hints,
      l: workingL(photo.grey, w, h, 1),
      lScale: 1,
      abLimit,
    };
    const wall: number[] = [];
    const cpu: number[] = [];
    let iterations = 0;
    for (let rep = 0; rep < 25; rep++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      iterations = refineAb(input).solve?.iterations ?? 0;
      const t1 = performance.now();
      const c1 = process.cpuUsage(c0);
      if (rep < 5) continue; // warm-up: JIT
      wall.push(t1 - t0);
      cpu.push((c1.user + c1.system) / 1000);
    }
    const median = (v: number[]) => v.sort((a, b) => a - b)[v.length >> 1].toFixed(2);
    const hinted = hints.mask.reduce((n, m) => n + m, 0);
    console.log(
      `${w}×${h}, 100 hints (${hinted} px): median wall ${median(wall)} ms, CPU ${median(cpu)} ms, ${iterations} CG iterations`,
    );
  }
}

/** colorizer.render must reproduce the table path's EXPORT_REFINE number on one photo. */
async function renderCheck(c: Colorizer, photo: Photo): Promise<void> {
  const session = {
    ...emptySession({ width: photo.grey.width, height: photo.grey.height, name: photo.key }),
    hints: protocolHints(photo, 20),
  };
  const viaRender = psnr(photo.rgba, await c.render(photo.grey, session));
  const viaTable = (await score(c, [photo], [EXPORT_REFINE]))[0][2];
  console.log(
    `render check (${photo.key}, k=20): render ${viaRender.toFixed(4)} dB, table path ${viaTable.toFixed(4)} dB`,
  );
}

async function main(): Promise<void> {
  const { count, tar, model, values } = tuningArgs(USAGE, {
    grid: { type: 'string', default: 'short' },
    preview: { type: 'boolean' },
    time: { type: 'boolean' },
  });
  PREVIEW = values.preview === true;
  if (values.time === true) {
    const [photo] = await readPhotos(tar, 1);
    return timeRefine(photo, 110); // 110: the model's abScale (tanh output range)
  }
  const files = await readModelFiles(model);
  const c = await loadColorizer({ model: files, backend: 'wasm', wasmPaths: nodeWasmPaths() });
  const photos = await readPhotos(tar, count);
  const settings: (RefineParams | null)[] = [
    null,
    ...settingsGrid(String(values.grid)),
    { ...DEFAULT_REFINE },
    { ...EXPORT_REFINE },
  ];
  const t0 = performance.now();
  const ms = settings.map((): number[] => []);
  const table = await score(c, photos, settings, ms);
  console.log(
    `${photos.length} photos from ${path.basename(tar)}, ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
  console.log(`| setting | ${KS.map((k) => `k=${k}`).join(' | ')} | mean | ms |`);
  const median = (v: number[]) => v.sort((a, b) => a - b)[v.length >> 1] ?? 0;
  const mean = (row: number[]) => row.reduce((s, v) => s + v, 0) / row.length;
  const base = table[0];
  const order = settings.map((_, i) => i).sort((a, b) => mean(table[b]) - mean(table[a]));
  for (const i of order) {
    const flag = table[i][0] < base[0] - 0.05 ? ' (k=1 drop > 0.05)' : '';
    console.log(
      `| ${i === settings.length - 2 ? 'DEFAULT ' : i === settings.length - 1 ? 'EXPORT ' : ''}${label(settings[i])} | ${table[i].map((v) => v.toFixed(2)).join(' | ')} | ${mean(table[i]).toFixed(3)} | ${median(ms[i]).toFixed(0)} |${flag}`,
    );
  }
  // The shipped path: colorizer.render with its default refinement must give the EXPORT row
  // (--preview rows are composed differently, so there is nothing to check against).
  if (!PREVIEW) await renderCheck(c, photos[0]);
  c.dispose();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
