/**
 * Tunes the exponent of the confidence-weighted chroma (src/colorizer/refine/confidence.ts) on
 * train256 photos — never val256, which is for reporting — with the Zhang et al. hint protocol
 * (./protocol.ts), through colorizer.render exactly as the CLI and export run it.
 *
 *   npx tsx src/cli/bench/tuneConfidence.ts [--photos 40] [--tar ../shared/data/train256-00.tar]
 */
import path from 'node:path';
import { loadColorizer } from '../../colorizer';
import { emptySession } from '../../core/session';
import { nodeWasmPaths, readModelFiles } from '../modelFiles';
import { protocolHints, psnr, readPhotos, tuningArgs } from './protocol';

const KS = [0, 1, 5, 20, 100];
const EXPONENTS = [0, 0.25, 0.5, 1];

async function main(): Promise<void> {
  const { count, tar, model } = tuningArgs();
  const files = await readModelFiles(model);
  const photos = await readPhotos(tar, count);
  console.log(`${photos.length} photos from ${path.basename(tar)}; PSNR dB, mean over photos`);
  console.log(`| exponent | ${KS.map((k) => `k=${k}`).join(' | ')} | mean |`);
  console.log(`|---|${KS.map(() => '---:').join('|')}|---:|`);
  for (const confidence of EXPONENTS) {
    const c = await loadColorizer({
      model: files,
      backend: 'wasm',
      wasmPaths: nodeWasmPaths(),
      confidence,
    });
    const sums = KS.map(() => 0);
    for (const photo of photos) {
      const { width, height } = photo.grey;
      for (const [i, k] of KS.entries()) {
        const session = {
          ...emptySession({ width, height, name: photo.key }),
          hints: protocolHints(photo, k),
        };
        sums[i] += psnr(photo.rgba, await c.render(photo.grey, session));
      }
    }
    c.dispose();
    const row = sums.map((s) => s / photos.length);
    const mean = row.reduce((s, v) => s + v, 0) / row.length;
    console.log(
      `| ${confidence} | ${row.map((v) => v.toFixed(2)).join(' | ')} | ${mean.toFixed(3)} |`,
    );
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
