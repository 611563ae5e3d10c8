/**
 * Tunes the exponent of the confidence-weighted chroma (src/colorizer/refine/confidence.ts,
 * confidenceSchedule.ts) on training-side photos — never val256, which is for reporting — with
 * the Zhang et al. hint protocol (./protocol.ts), through colorizer.render exactly as the CLI
 * and export run it. Photos the weights never saw tune it best: the u128/up256 proxies that
 * model/eval/make_proxies.py cuts from train128-02.
 *
 *   npx tsx tools/tuning/tuneConfidence.ts --tar SHARD.tar [--photos 40] [--model model.json]
 *     [--ks 0,1,2,5,10,20,50,100] [--confs "0.5;1;0.5,1,10"]
 *
 * --confs: settings separated by ';', each one exponent or noHints,manyHints,manyAt[,blindHead].
 */
import path from 'node:path';
import { nodeWasmPaths, readModelFiles } from '../../src/cli/modelFiles';
import { type LoadOptions, loadColorizer } from '../../src/colorizer';
import { emptySession } from '../../src/core/session';
import { protocolHints, psnr, readPhotos, tuningArgs } from './protocol';

const USAGE =
  'npx tsx tools/tuning/tuneConfidence.ts --tar SHARD.tar [--photos N] [--model model.json] [--ks LIST] [--confs LIST]';

/** --confs: settings separated by ';', each one exponent or noHints,manyHints,manyAt[,blindHead]. */
const parseSettings = (confs: string): LoadOptions['confidence'][] =>
  confs.split(';').map((c) => {
    const v = c.split(',').map(Number);
    if (v.length === 1) return v[0];
    return {
      noHints: v[0],
      manyHints: v[1],
      manyAt: v[2],
      ...(v.length > 3 ? { blindHead: v[3] } : {}),
    };
  });

async function main(): Promise<void> {
  const { count, tar, model, values } = tuningArgs(USAGE, {
    ks: { type: 'string', default: '0,1,2,5,10,20,50,100' },
    confs: { type: 'string', default: '0.5;0.75;1;0.5,1,10' },
  });
  const KS = String(values.ks).split(',').map(Number);
  const SETTINGS = parseSettings(String(values.confs));
  const files = await readModelFiles(model);
  const photos = await readPhotos(tar, count);
  console.log(`${photos.length} photos from ${path.basename(tar)}; PSNR dB, mean over photos`);
  console.log(`| confidence | ${KS.map((k) => `k=${k}`).join(' | ')} | mean |`);
  console.log(`|---|${KS.map(() => '---:').join('|')}|---:|`);
  for (const confidence of SETTINGS) {
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
      `| ${JSON.stringify(confidence)} | ${row.map((v) => v.toFixed(2)).join(' | ')} | ${mean.toFixed(3)} |`,
    );
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
