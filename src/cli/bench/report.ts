/** The benchmark's results and their markdown rendering. */

export interface InferenceRow {
  where: 'node' | 'chromium';
  backend: string;
  /** colorize() end to end at 256×256 (hint raster + preprocessing + network + readback). */
  colorizeMs: number | null;
  colorizeRuns: number;
  /** Network only (predict + readback), ours and the Zhang et al. reference, same input. */
  refSize: number;
  oursNetMs: number | null;
  zhangNetMs: number | null;
  zhangRuns: number;
  /** tf.memory().numBytes with our model loaded and run; process peak RSS so far in Node. */
  tfBytes: number | null;
  peakRssBytes: number | null;
  note?: string;
}

/** The editor's per-stroke path on a 12-MP photo in headless Chromium (./editorBench.ts). */
export interface EditorRow {
  backend: string;
  photo: string;
  /** Pointer-up → updated canvas drawn, one point click at a time: median and worst. */
  clickMs: number;
  clickMaxMs: number;
  clicks: number;
  /** Colourings drawn per second while one brush stroke is painted. */
  paintUpdatesPerSecond: number;
  paintMedianGapMs: number | null;
  paintSeconds: number;
  /** Size of the preview the editor composes, when the canvas publishes it. */
  previewSize: string | null;
  /** …and while a brush stroke is painted. */
  paintPreviewSize: string | null;
}

export interface BenchReport {
  date: string;
  machine: string;
  model: { path: string; bytesOnDisk: number; params: number | null; gflops256: number | null };
  zhang: { params: number; gflops256: number };
  rows: InferenceRow[];
  skipped: string[];
  raster: { name: string; value: number; unit: string; note?: string }[];
  composition: { method: string; ms: number; runs: number }[];
  /** Reference matching, 12-MP target and reference (bench/exemplar.ts); absent: not run. */
  exemplar?: { ms: number; runs: number; hints: number };
  /** render() of a 256² photo at the model's working size, Node WASM, per set of net views. */
  renderViews: RenderViewsRow[];
  editor: EditorRow[];
}

export interface RenderViewsRow {
  views: string;
  ms: number;
  runs: number;
}

/** Targets from the "colorizer runtime" issue. */
export const TARGETS = { speedup: 50, wasm256Ms: 200, compose12mpMs: 1500, exemplar12mpMs: 1500 };
/** Targets of the editor-speed issue: the Chromium WASM editor rows on a 12-MP photo. */
export const EDITOR_TARGETS = { clickMs: 150, paintUpdatesPerSecond: 5 };

const ms = (v: number | null) =>
  v === null ? '—' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`;
const mib = (v: number | null) => (v === null ? '—' : `${(v / 2 ** 20).toFixed(1)} MiB`);
const check = (ok: boolean) => (ok ? 'met' : '**missed**');

export function speedup(row: InferenceRow): number | null {
  return row.oursNetMs && row.zhangNetMs ? row.zhangNetMs / row.oursNetMs : null;
}

export function renderMarkdown(r: BenchReport): string {
  const out: string[] = [];
  out.push(`# Tintype benchmark — ${r.date}`, '', `Machine: ${r.machine}`, '');
  out.push(
    `Model: \`${r.model.path}\`, ${mib(r.model.bytesOnDisk)} on disk` +
      (r.model.params !== null ? `, ${(r.model.params / 1e6).toFixed(2)} M params` : '') +
      (r.model.gflops256 !== null ? `, ${r.model.gflops256.toFixed(2)} GFLOPs at 256²` : '') +
      '.',
    `Reference: Zhang et al. 2017 local-hints network, ${(r.zhang.params / 1e6).toFixed(1)} M params, ` +
      `${r.zhang.gflops256.toFixed(1)} GFLOPs at 256² (random weights).`,
    '',
  );
  out.push(
    '| where | backend | colorize() 256² | ours net | Zhang net | input | speed-up | tf memory (ours) | peak RSS (process) |',
    '|---|---|---|---|---|---|---|---|---|',
  );
  for (const row of r.rows) {
    const s = speedup(row);
    out.push(
      `| ${row.where} | ${row.backend} | ${ms(row.colorizeMs)} (n=${row.colorizeRuns}) | ${ms(row.oursNetMs)} | ` +
        `${ms(row.zhangNetMs)} (n=${row.zhangRuns}) | ${row.refSize}² | ${s === null ? '—' : `${s.toFixed(0)}×`} | ` +
        `${mib(row.tfBytes)} | ${mib(row.peakRssBytes)} |` +
        (row.note ? ` ${row.note}` : ''),
    );
  }
  for (const reason of r.skipped) out.push('', `Skipped: ${reason}`);
  if (r.raster.length > 0) {
    out.push('', '## Hint rasterisation', '', '| what | median | note |', '|---|---|---|');
    for (const x of r.raster) {
      out.push(`| ${x.name} | ${x.value.toFixed(3)} ${x.unit} | ${x.note ?? ''} |`);
    }
  }
  if (r.composition.length > 0) {
    out.push('', '## Full-resolution composition, 4000×3000 (12 MP), synthetic L', '');
    out.push('| method | median | runs |', '|---|---|---|');
    for (const c of r.composition) out.push(`| ${c.method} | ${ms(c.ms)} | ${c.runs} |`);
  }
  if (r.exemplar) {
    const e = r.exemplar;
    out.push('', '## Reference matching, 12-MP target and 12-MP reference (decoded), Node', '');
    out.push('| median | runs | hints placed |', '|---|---|---|');
    out.push(`| ${ms(e.ms)} | ${e.runs} | ${e.hints} |`);
  }
  if (r.renderViews.length > 0) {
    out.push(
      '',
      "## Export (render) of a 256² photo, 3 hints, model's working size, Node WASM",
      '',
    );
    out.push('| network views | median | runs |', '|---|---|---|');
    for (const v of r.renderViews) out.push(`| ${v.views} | ${ms(v.ms)} | ${v.runs} |`);
  }
  if (r.editor.length > 0) {
    out.push(
      '',
      '## Editor per stroke, 12-MP photo, headless Chromium (production build)',
      '',
      '| backend | photo | preview composed at | pointer-up → canvas (median) | worst | clicks | painting: updates/s | median gap | stroke | preview while painting |',
      '|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const e of r.editor) {
      out.push(
        `| ${e.backend} | ${e.photo} | ${e.previewSize ?? '—'} | ${ms(e.clickMs)} | ${ms(e.clickMaxMs)} | ${e.clicks} | ` +
          `${e.paintUpdatesPerSecond.toFixed(1)} | ${ms(e.paintMedianGapMs)} | ${e.paintSeconds.toFixed(1)} s | ${e.paintPreviewSize ?? '—'} |`,
      );
    }
  }
  out.push('', '## Targets', '');
  for (const row of r.rows) {
    const s = speedup(row);
    if (s !== null)
      out.push(
        `- ≥ ${TARGETS.speedup}× faster than the reference on ${row.where}/${row.backend}: ${s.toFixed(0)}× — ${check(s >= TARGETS.speedup)}`,
      );
  }
  const wasm = r.rows.find((row) => row.where === 'node' && row.backend === 'wasm');
  if (wasm?.colorizeMs != null) {
    out.push(
      `- ≤ ${TARGETS.wasm256Ms} ms per 256² inference, WASM (Node): ${ms(wasm.colorizeMs)} — ${check(wasm.colorizeMs <= TARGETS.wasm256Ms)}`,
    );
  }
  for (const c of r.composition) {
    out.push(
      `- 12-MP composition ≤ ${TARGETS.compose12mpMs / 1000} s (${c.method}): ${ms(c.ms)} — ${check(c.ms <= TARGETS.compose12mpMs)}`,
    );
  }
  if (r.exemplar) {
    out.push(
      `- reference matching ≤ ${TARGETS.exemplar12mpMs / 1000} s (12 MP + 12 MP): ${ms(r.exemplar.ms)} — ${check(r.exemplar.ms <= TARGETS.exemplar12mpMs)}`,
    );
  }
  const editorWasm = r.editor.find((e) => e.backend === 'wasm');
  if (editorWasm) {
    const { clickMs, paintUpdatesPerSecond: ups } = editorWasm;
    out.push(
      `- Pointer-up → updated canvas ≤ ${EDITOR_TARGETS.clickMs} ms, 12 MP, Chromium WASM (median): ${ms(clickMs)} — ${check(clickMs <= EDITOR_TARGETS.clickMs)}`,
      `- ≥ ${EDITOR_TARGETS.paintUpdatesPerSecond} updates/s while painting, 12 MP, Chromium WASM: ${ups.toFixed(1)} — ${check(ups >= EDITOR_TARGETS.paintUpdatesPerSecond)}`,
    );
  }
  return `${out.join('\n')}\n`;
}
