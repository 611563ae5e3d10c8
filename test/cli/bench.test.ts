import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BenchReport, renderMarkdown } from '../../src/cli/bench/report';
import { median } from '../../src/cli/bench/timing';
import { buildZhangReference, convFlops } from '../../src/cli/bench/zhangReference';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** [in, out, kernel] of every conv in the paper's local-hints network, written out again. */
const PAPER_CONVS: [number, number, number][] = [
  [4, 64, 3],
  [64, 64, 3], // conv1
  [64, 128, 3],
  [128, 128, 3], // conv2
  [128, 256, 3],
  [256, 256, 3],
  [256, 256, 3], // conv3
  [256, 512, 3],
  [512, 512, 3],
  [512, 512, 3], // conv4
  ...Array.from({ length: 9 }, () => [512, 512, 3] as [number, number, number]), // conv5–7
  [512, 256, 4],
  [256, 256, 3],
  [256, 256, 3],
  [256, 256, 3], // conv8 up, shortcut 3→8, conv8_2–3
  [256, 128, 4],
  [128, 128, 3],
  [128, 128, 3], // conv9 up, shortcut 2→9, conv9_2
  [128, 128, 4],
  [64, 128, 3],
  [128, 128, 3], // conv10 up, shortcut 1→10, conv10_2
  [256, 529, 1],
  [128, 2, 1], // classification head, ab output
];
const BATCHNORMS = [64, 128, 256, 512, 512, 512, 512, 256, 128];

describe('Zhang et al. 2017 reference network', () => {
  // 16²: the smallest input its three subsamplings allow, to keep the CPU test short.
  const model = buildZhangReference(16);

  it('has the paper layer sizes (conv weights + biases + BatchNorm)', () => {
    const convParams = PAPER_CONVS.reduce((n, [i, o, k]) => n + i * o * k * k + o, 0);
    const bnParams = BATCHNORMS.reduce((n, c) => n + 4 * c, 0);
    expect(model.countParams()).toBe(convParams + bnParams);
  });

  it('maps [N, S, S, 4] to ab [N, S, S, 2] and logits over 529 bins at S/4', () => {
    const [ab, logits] = model.predict(tf.zeros([1, 16, 16, 4])) as tf.Tensor[];
    expect(ab.shape).toEqual([1, 16, 16, 2]);
    expect(logits.shape).toEqual([1, 4, 4, 529]);
  });

  it('counts FLOPs as 2 × multiply-adds per convolution', () => {
    const input = tfl.input({ shape: [10, 12, 3] });
    const conv = tfl.layers.conv2d({ filters: 5, kernelSize: 3, padding: 'same' }).apply(input);
    const single = tfl.model({ inputs: input, outputs: conv as tfl.SymbolicTensor });
    expect(convFlops(single)).toBe(2 * 10 * 12 * 3 * 3 * 3 * 5);
    // Transposed: every input pixel scatters one 4×4×in×out patch.
    const small = tfl.input({ shape: [5, 6, 3] });
    const up = tfl.layers.conv2dTranspose({
      filters: 7,
      kernelSize: 4,
      strides: 2,
      padding: 'same',
    });
    const upModel = tfl.model({ inputs: small, outputs: up.apply(small) as tfl.SymbolicTensor });
    expect(convFlops(upModel)).toBe(2 * 5 * 6 * 4 * 4 * 3 * 7);
  });
});

describe('bench report', () => {
  it('median of odd and even sample counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(/no samples/);
  });

  it('renders speed-ups and checks each target', () => {
    const report: BenchReport = {
      date: '2025-01-01 00:00',
      machine: 'test',
      model: { path: 'm.json', bytesOnDisk: 3 * 2 ** 20, params: 1.2e6, gflops256: 1.5 },
      zhang: { params: 34e6, gflops256: 151 },
      rows: [
        {
          where: 'node',
          backend: 'wasm',
          colorizeMs: 150,
          colorizeRuns: 20,
          refSize: 256,
          oursNetMs: 40,
          zhangNetMs: 4000,
          zhangRuns: 3,
          tfBytes: 2 ** 20,
          peakRssBytes: 2 ** 28,
        },
        {
          where: 'node',
          backend: 'cpu',
          colorizeMs: 900,
          colorizeRuns: 20,
          refSize: 128,
          oursNetMs: 100,
          zhangNetMs: 3000,
          zhangRuns: 2,
          tfBytes: null,
          peakRssBytes: null,
        },
      ],
      skipped: ['browser rows: /usr/bin/chromium is not installed'],
      raster: [{ name: 'rasterizeHints 256×256', value: 0.5, unit: 'ms' }],
      composition: [{ method: 'guided', ms: 1800, runs: 3 }],
      renderViews: [{ views: 'mirror', ms: 95, runs: 10 }],
      editor: [
        {
          backend: 'wasm',
          photo: '4000×3000',
          clickMs: 120,
          clickMaxMs: 180,
          clicks: 15,
          paintUpdatesPerSecond: 4.5,
          paintMedianGapMs: 210,
          paintSeconds: 8,
          previewSize: '1200×900',
          paintPreviewSize: '600×450',
        },
      ],
    };
    const md = renderMarkdown(report);
    expect(md).toMatch(
      /\| node \| wasm \| 150\.0 ms \(n=20\) \| 40\.0 ms \| 4\.00 s \(n=3\) \| 256² \| 100× \|/,
    );
    expect(md).toMatch(/node\/wasm: 100× — met/);
    expect(md).toMatch(/node\/cpu: 30× — \*\*missed\*\*/);
    expect(md).toMatch(/WASM \(Node\): 150\.0 ms — met/);
    expect(md).toMatch(/\(guided\): 1\.80 s — \*\*missed\*\*/);
    expect(md).toMatch(/Skipped: browser rows/);
    expect(md).toMatch(/\| mirror \| 95\.0 ms \| 10 \|/);
    expect(md).toMatch(
      /\| wasm \| 4000×3000 \| 1200×900 \| 120\.0 ms \| 180\.0 ms \| 15 \| 4\.5 \|/,
    );
    expect(md).toMatch(/Pointer-up → updated canvas ≤ 150 ms.*: 120\.0 ms — met/);
    expect(md).toMatch(/≥ 5 updates\/s while painting.*: 4\.5 — \*\*missed\*\*/);
  });
});
