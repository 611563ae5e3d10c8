/**
 * `npm run bench [-- --quick] [--out bench-results.md] [--model m.json] [--no-browser] [--skip-node]
 *  [--browsers wasm,webgl] [--editor-only | --no-editor]`
 * Prints a markdown table: inference per backend (Node wasm/cpu, headless Chromium), the Zhang
 * et al. 2017 reference on the same backend and input, hint rasterisation, 12-MP composition,
 * memory and model size, and the editor's per-stroke path on a 12-MP photo in Chromium (one
 * row per --browsers backend; `--editor-only` runs just those), checked against the targets.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { parseArgs } from 'node:util';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { parseModelMeta } from '../colorizer';
import { DEFAULT_MODEL } from './args';
import { benchBrowser } from './bench/browserBench';
import { benchComposition } from './bench/composition';
import { benchEditor } from './bench/editorBench';
import { benchExemplar } from './bench/exemplar';
import { benchNodeBackend } from './bench/nodeBench';
import { benchRaster } from './bench/raster';
import { benchRenderViews } from './bench/renderViews';
import { type BenchReport, renderMarkdown } from './bench/report';
import { buildZhangReference, convFlops } from './bench/zhangReference';
import { errorMessage } from './errors';
import { readModelFiles } from './modelFiles';

const BROWSER_BACKENDS = ['wasm', 'webgl', 'webgpu'] as const;
type BrowserBackend = (typeof BROWSER_BACKENDS)[number];

function parseBenchArgs() {
  const { values } = parseArgs({
    strict: true,
    options: {
      quick: { type: 'boolean', default: false },
      out: { type: 'string' },
      model: { type: 'string', default: DEFAULT_MODEL },
      'no-browser': { type: 'boolean', default: false },
      'skip-node': { type: 'boolean', default: false },
      browsers: { type: 'string', default: 'wasm,webgl' },
      'editor-only': { type: 'boolean', default: false },
      'no-editor': { type: 'boolean', default: false },
    },
  });
  if (values['editor-only'] && (values['no-editor'] || values['no-browser'])) {
    throw new Error('--editor-only cannot be combined with --no-editor or --no-browser');
  }
  const browsers = values.browsers.split(',');
  const unknown = browsers.find((b) => !(BROWSER_BACKENDS as readonly string[]).includes(b));
  if (unknown !== undefined) {
    throw new Error(`--browsers takes a list of ${BROWSER_BACKENDS.join(', ')}, got "${unknown}"`);
  }
  return { ...values, browsers: browsers as BrowserBackend[] };
}

const progress = (line: string) => process.stderr.write(`bench: ${line}\n`);

async function main(): Promise<void> {
  const values = parseBenchArgs();
  const quick = values.quick;
  tf.env().set('PROD', true);
  const files = await readModelFiles(values.model);
  const meta = parseModelMeta(files.modelJson);
  await tf.setBackend('cpu');
  const zhang256 = buildZhangReference(256);
  const zhang = { params: zhang256.countParams(), gflops256: convFlops(zhang256) / 1e9 };
  zhang256.dispose();

  const report: BenchReport = {
    date: new Date().toISOString().slice(0, 16).replace('T', ' '),
    machine: `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores, Node ${process.version}`,
    model: {
      path: values.model,
      bytesOnDisk: files.bytesOnDisk,
      params: meta.params ?? null,
      gflops256: meta.gflops256 ?? null,
    },
    zhang,
    rows: [],
    skipped: [],
    raster: [],
    composition: [],
    renderViews: [],
    editor: [],
  };
  const editorOnly = values['editor-only'];
  // The reference costs ~150 GFLOPs at 256²: full size on WASM, 64² (for both nets) on the
  // pure-JS CPU backend, where even 128² takes ~3 minutes per run on 2 cores.
  const plans = [
    { backend: 'wasm', refSize: quick ? 128 : 256, refRuns: quick ? 1 : 3 },
    { backend: 'cpu', refSize: 64, refRuns: quick ? 1 : 2 },
  ] as const;
  for (const plan of values['skip-node'] || editorOnly ? [] : plans) {
    progress(`node/${plan.backend} …`);
    try {
      report.rows.push(
        await benchNodeBackend(plan.backend, files, { runs: quick ? 5 : 20, ...plan }),
      );
    } catch (error) {
      report.skipped.push(`node/${plan.backend}: ${errorMessage(error)}`);
    }
  }
  if (!values['skip-node'] && !editorOnly) {
    progress('hint rasterisation …');
    report.raster = await benchRaster();
    progress('12-MP composition …');
    report.composition = await benchComposition(quick ? 1 : 3);
    progress('reference matching …');
    report.exemplar = await benchExemplar(quick ? 1 : 3);
    progress('export views …');
    report.renderViews = await benchRenderViews(files, quick ? 3 : 10);
  }
  if (values['no-browser']) report.skipped.push('browser rows: --no-browser');
  else if (!editorOnly) {
    progress('headless Chromium …');
    const browser = await benchBrowser(
      values.browsers,
      { runs: quick ? 5 : 20, refSize: quick ? 64 : 128, refRuns: quick ? 1 : 2 },
      progress,
      (quick ? 3 : 10) * 60_000,
    );
    report.rows.push(...browser.rows);
    report.skipped.push(...browser.skipped);
    if (!values.browsers.includes('webgpu')) {
      // Without a GPU, headless Chromium's requestAdapter() never settles; opt in where one exists.
      report.skipped.push(
        'chromium/webgpu: not run by default (pass --browsers wasm,webgl,webgpu)',
      );
    }
  }
  if (!values['no-browser'] && !values['no-editor']) {
    const editor = await benchEditor(
      values.browsers,
      { clicks: quick ? 5 : 15, paintSeconds: quick ? 4 : 8 },
      progress,
      (quick ? 3 : 10) * 60_000,
    );
    report.editor = editor.rows;
    report.skipped.push(...editor.skipped);
  }
  const markdown = renderMarkdown(report);
  process.stdout.write(markdown);
  if (values.out) await writeFile(values.out, markdown);
}

main().catch((error) => {
  process.stderr.write(`bench: ${errorMessage(error)}\n`);
  process.exitCode = 1;
});
