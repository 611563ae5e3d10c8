import type { GreyImage } from '../core/image';
import type { Session } from '../core/session';
import type { UpsampleMethod } from './compose/composeFullRes';
import type { ConfidenceParams } from './refine/confidenceSchedule';

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** URL of model.json (browser), or the files already read (Node: src/cli reads them). */
export type ModelSource = string | { modelJson: unknown; weights: ArrayBuffer };

export type { UpsampleMethod };

/** `model.json` → `userDefinedMetadata.tintype` (DEVELOPERS.md, "Model contract v1"). */
export interface ModelMeta {
  format: 'tintype-model';
  version: 1;
  lCenter: number;
  lScale: number;
  abScale: number;
  stride: number;
  logitsStride: number;
  workingSize: number;
  binSize: number;
  /** Q bin centres [a, b]. */
  bins: [number, number][];
  saturation: string;
  params?: number;
  gflops256?: number;
  training?: unknown;
  codeRevision?: string;
}

export interface LoadOptions {
  model: ModelSource;
  /** One backend or an ordered preference; default: webgpu→webgl→wasm→cpu (browser), wasm→cpu (Node). */
  backend?: BackendName | BackendName[];
  /** Default long side of the working resolution (multiple of 16 in [32, 1024]); default meta.workingSize. */
  workingSize?: number;
  /**
   * Where tfjs-backend-wasm finds its .wasm files: a directory path/URL ending in '/', or a map
   * from file name (tfjs-backend-wasm.wasm, -simd.wasm, -threaded-simd.wasm) to URL. Needed in
   * Node (node_modules/@tensorflow/tfjs-backend-wasm/dist/); the worker supplies bundled URLs.
   */
  wasmPaths?: string | Record<string, string>;
  /**
   * Default of the per-call `refine`: after the network, propagate the hint residual (hint −
   * prediction) edge-aware at working resolution (src/colorizer/refine). Default true.
   */
  refine?: boolean;
  /**
   * Exponent p of the confidence-weighted chroma (src/colorizer/refine/confidence.ts): the
   * network's ab is scaled by (1 − normalised entropy)^p before refinement; 0 turns it off.
   * One number, or { noHints, manyHints, manyAt, blindHead? } for an exponent that grows with
   * the number of hints and one for the blind head (src/colorizer/refine/confidenceSchedule.ts).
   * Default DEFAULT_CONFIDENCE.
   */
  confidence?: number | ConfidenceParams;
}

export interface ColorizeResult {
  width: number;
  height: number;
  /** Interleaved a*, b* at working resolution, height×width×2. */
  ab: Float32Array;
  /** Wall time of preprocessing + network + readback + refinement. */
  ms: number;
}

export interface Suggestion {
  ab: [number, number];
  /** 8-bit sRGB at the pixel's L. */
  rgb: [number, number, number];
  probability: number;
}

export interface UncertaintyMap {
  width: number;
  height: number;
  /** Normalised entropy per logits cell, in [0, 1]. */
  data: Float32Array;
}

/** Options of Colorizer.colorize (the per-stroke path). */
export interface ColorizeOptions {
  workingSize?: number;
  refine?: boolean;
  /** Also run the net on the mirrored photo and average (default false; twice the network). */
  mirror?: boolean;
  /** Also run the views offset by half the stride and average (default false; ./predict.ts). */
  shift?: boolean;
}

/** Options of Colorizer.render (the export path): `mirror` and `shift` default to true here. */
export interface RenderOptions extends ColorizeOptions {
  method?: UpsampleMethod;
}

export interface Colorizer {
  readonly backend: BackendName;
  readonly fallbacks: string[];
  readonly meta: ModelMeta;
  /**
   * Working-resolution ab for the preview. Extra network views (`mirror`, `shift`) are off by
   * default here: each costs about one more network run per stroke.
   */
  colorize(image: GreyImage, session: Session, opts?: ColorizeOptions): Promise<ColorizeResult>;
  /**
   * Full-resolution RGBA for export. Differs from colorize + composeFullRes by being the
   * quality path: `mirror` and `shift` default to true here, and a second residual propagation
   * runs at output resolution (src/colorizer/refine/refineOutput.ts) when `refine` is on.
   */
  render(image: GreyImage, session: Session, opts?: RenderOptions): Promise<Uint8ClampedArray>;
  /**
   * Up to k colours likely at source pixel (x, y) after a colorize: the modes of the blind
   * head's distribution when the model has one (./alternatives.ts), leaving out `exclude`.
   */
  suggest(x: number, y: number, k: number, exclude?: [number, number]): Suggestion[];
  uncertainty(): UncertaintyMap;
  dispose(): void;
}
