import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { GreyImage } from '../core/image';
import { rasterizeHints } from '../core/raster';
import type { Session } from '../core/session';
import { type BlindLogits, globalKeyOf, isFreshFor, predictBlindLogits } from './alternatives';
import { checkImage } from './checks';
import { validateWorkingSize, workingSizeFor } from './config';
import type { Heads } from './heads';
import { type LastRun, suggestAt, uncertaintyOf } from './lastRun';
import { createLCache, encodeGlobal } from './preprocess';
import {
  type ConfidenceParams,
  composeRefined,
  DEFAULT_REFINE,
  EXPORT_REFINE,
  OUTPUT_REFINE,
  type RefineParams,
} from './refine';
import { runHead } from './runHead';
import { shapeNetAb } from './shapeNetAb';
import { composeLimited, SpreadLimiter } from './spread';
import type {
  BackendName,
  ColorizeOptions,
  ColorizeResult,
  Colorizer,
  ModelMeta,
  RenderOptions,
  Suggestion,
  UncertaintyMap,
} from './types';

/**
 * The Colorizer on a loaded TF.js model (made by loadColorizer): both heads, the cached L* per
 * working size, the spread limiter's cache, and what suggest() and uncertainty() read.
 */
export class TfColorizer implements Colorizer {
  private readonly lCache;
  private last: LastRun | null = null;
  /** The blind head's logits for the photo last coloured: the source of suggest()'s colours. */
  private blind: BlindLogits | null = null;
  private disposed = false;
  /** Contained / reach-limited hints: the cached answer without them (./spread.ts). */
  private readonly spread = new SpreadLimiter();

  constructor(
    /** The loaded model, which owns the weights both heads compute with. */
    private readonly model: LayersModel,
    private readonly heads: Heads,
    readonly meta: ModelMeta,
    readonly backend: BackendName,
    readonly fallbacks: string[],
    private readonly defaultWorkingSize: number,
    /** Default of opts.refine: propagate the hint residual after the net (./refine). */
    private readonly defaultRefine: boolean,
    /** Exponent schedule of the confidence-weighted chroma (./refine/confidence*). */
    private readonly confidence: Readonly<ConfidenceParams>,
  ) {
    this.lCache = createLCache(meta);
  }

  /** Number of L downscales so far (diagnostics and tests). */
  get lComputeCount(): number {
    return this.lCache.computeCount;
  }

  colorize(
    image: GreyImage,
    session: Session,
    opts: ColorizeOptions = {},
  ): Promise<ColorizeResult> {
    const refine = (opts.refine ?? this.defaultRefine) ? DEFAULT_REFINE : null;
    return this.spread
      .answer(
        image,
        session,
        JSON.stringify(['colorize', opts.workingSize, opts.mirror, opts.shift, refine]),
        (s) => this.run(image, s, opts, refine, true),
        (w, h) => this.lStarAt(image, w, h),
      )
      .then((a) => a.result);
  }

  /** The photo's L* at a working size (from the network input's cached L). */
  private lStarAt(image: GreyImage, width: number, height: number): Float32Array {
    const norm = this.lCache.get(image, width, height);
    const { lCenter, lScale } = this.meta;
    return norm.map((v) => v * lScale + lCenter);
  }

  /** colorize() with the working-resolution propagation settings explicit (null: none). */
  private async run(
    image: GreyImage,
    session: Session,
    opts: Omit<ColorizeOptions, 'refine'>,
    refine: RefineParams | null,
    /** Also keep the blind head's logits fresh for suggest() (the editor's path, not export). */
    forSuggestions = false,
  ): Promise<ColorizeResult> {
    this.assertAlive();
    const started = performance.now();
    checkImage(image);
    const longSide = validateWorkingSize(
      opts.workingSize ?? this.defaultWorkingSize,
      'opts.workingSize',
    );
    const { width, height } = workingSizeFor(image.width, image.height, longSide, this.meta.stride);
    const lNorm = this.lCache.get(image, width, height);
    // One raster feeds both the network and the refinement below.
    const hints = rasterizeHints(session, width, height);
    const encodedGlobal = encodeGlobal(session.global, this.meta.bins);
    const out = await runHead(
      this.heads,
      this.meta,
      { lNorm, hints, encodedGlobal, width, height },
      { mirror: opts.mirror ?? false, shift: opts.shift ?? false },
    );
    const { logits, entropy, blind } = out;
    const grid = { width: out.width, height: out.height };
    if (!this.disposed) this.last = { image, logits, entropy, ...grid };
    if (blind) {
      this.blind = { image, globalKey: globalKeyOf(session.global), logits, ...grid };
    } else if (forSuggestions && this.heads.blind && !isFreshFor(this.blind, image, session.global))
      // Once per photo (and palette): a session opened with hints never ran the blind head.
      this.blind = await predictBlindLogits(
        this.heads.blind,
        this.meta,
        { image, global: session.global, lNorm, encodedGlobal },
        width,
        height,
      );
    const ab = shapeNetAb(
      out.netAb,
      { width, height, lNorm, hints },
      { logits, entropy, ...grid, blind },
      session,
      this.meta,
      this.confidence,
      refine,
    );
    return { width, height, ab, ms: performance.now() - started };
  }

  async render(
    image: GreyImage,
    session: Session,
    opts: RenderOptions = {},
  ): Promise<Uint8ClampedArray> {
    // Export quality: mirror and shift averaging on unless asked off (~4.5× the network) and
    // the longer propagation solves (EXPORT_REFINE, OUTPUT_REFINE): paid once per export.
    const refine = opts.refine ?? this.defaultRefine;
    const mirror = opts.mirror ?? true;
    const shift = opts.shift ?? true;
    const runOpts = { workingSize: opts.workingSize, mirror, shift };
    const answer = await this.spread.answer(
      image,
      session,
      JSON.stringify(['render', runOpts, refine]),
      (s) => this.run(image, s, runOpts, refine ? EXPORT_REFINE : null),
      (w, h) => this.lStarAt(image, w, h),
    );
    const compose = {
      method: opts.method ?? 'guided',
      refine: refine ? OUTPUT_REFINE : null,
      abLimit: this.meta.abScale,
    };
    if (answer.limited) return composeLimited(image, session, answer, compose);
    const { width, height, ab } = answer.result;
    const hints = rasterizeHints(session, image.width, image.height);
    return composeRefined(image, ab, width, height, hints, compose);
  }

  suggest(x: number, y: number, k: number, exclude?: [number, number]): Suggestion[] {
    const last = this.requireLast('suggest');
    // The blind head's distribution when it belongs to this photo (see ./alternatives.ts).
    const source = this.blind?.image === last.image ? { ...last, ...this.blind } : last;
    return suggestAt(source, this.meta.bins, x, y, k, exclude);
  }

  uncertainty(): UncertaintyMap {
    return uncertaintyOf(this.requireLast('uncertainty'));
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.last = null;
    this.blind = null;
    this.spread.clear();
    this.model.dispose();
  }

  private requireLast(what: string): LastRun {
    this.assertAlive();
    if (!this.last) throw new Error(`${what}: call colorize() first`);
    return this.last;
  }

  private assertAlive(): void {
    if (this.disposed) throw new Error('colorizer was disposed');
  }
}
