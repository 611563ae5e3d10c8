/**
 * Session file format v3: everything the user did to one photograph (colour hints, global
 * hints, the vividness setting and the reference photo the hints came from), in source-image
 * pixel coordinates. The editor
 * saves/autosaves it and the CLI reads it. Sessions are treated as immutable: edits make new
 * objects (see edit.ts), which lets the undo history share structure between entries.
 */

/** CIE a*, b* (D65), each in [-128, 127]. */
export type Ab = [number, number];

/** A position in source-image pixels; pixel (row i, column j) covers [j, j+1) × [i, i+1). */
export type Xy = [number, number];

/**
 * How far a colour hint's colour may spread beyond the pixels it covers (v3). Both fields are
 * optional and absent in most hints; absence means the network alone decides, as in v1 and v2.
 */
export interface HintSpread {
  /**
   * true: the colour stays inside the region under the hint, bounded by edges of the photo's
   * lightness. Absent or false: it may cross edges.
   */
  contain?: boolean;
  /**
   * Positive, in source-image pixels: how far from the hint's own pixels its colour may
   * travel. Absent: no limit.
   */
  reach?: number;
}

/** Colours the pixels whose centres lie in [x − size/2, x + size/2) × [y − size/2, y + size/2). */
export interface PointHint extends HintSpread {
  kind: 'point';
  x: number;
  y: number;
  size: number;
  ab: Ab;
  /**
   * "reference": placed by matching the session's reference photo and not edited since (an
   * edit drops it, so removing the reference keeps what the user touched). Absent: the user's.
   */
  from?: 'reference';
}

/** Colours the pixels whose centres lie within width/2 of the polyline (round caps). */
export interface StrokeHint extends HintSpread {
  kind: 'stroke';
  points: Xy[];
  width: number;
  ab: Ab;
}

/** Clears earlier hints (mask 0, ab 0) under the same shape as a stroke. */
export interface EraseHint {
  kind: 'erase';
  points: Xy[];
  width: number;
}

export type Hint = PointHint | StrokeHint | EraseHint;

export interface PaletteEntry {
  ab: Ab;
  /** Finite, ≥ 0; weights need not sum to 1 (the colorizer normalises the histogram). */
  weight: number;
}

export interface GlobalHints {
  /** Target mean HSV saturation in [0, 1], or null for "let the network decide". */
  saturation: number | null;
  palette: PaletteEntry[] | null;
}

export interface SessionImage {
  /** Positive integers, at most MAX_IMAGE_SIDE. */
  width: number;
  height: number;
  name: string;
}

/** The colour photo whose colours became hints (v3); its pixels are not stored in the session. */
export interface SessionReference {
  name: string;
  /** Positive integers, at most MAX_IMAGE_SIDE. */
  width: number;
  height: number;
}

export interface Session {
  format: 'tintype-session';
  version: 3;
  image: SessionImage;
  /** Applied in order: a later hint overwrites an earlier one where they overlap. */
  hints: Hint[];
  global: GlobalHints;
  /**
   * In [0, 1]: how vivid the colours the network chooses by itself are (0 natural, 1 vivid).
   * Never changes a hinted pixel; the colorizer's decode defines the scale.
   */
  vividness: number;
  /** Absent when no reference photo was used. */
  reference?: SessionReference;
}

/** v1 and v2 hints had no spread and no origin. */
type PlainHint =
  | Omit<PointHint, keyof HintSpread | 'from'>
  | Omit<StrokeHint, keyof HintSpread>
  | EraseHint;

/** Version 2 had plain hints and no reference; parseSession migrates it (migrate.ts). */
export type SessionV2 = Omit<Session, 'version' | 'hints' | 'reference'> & {
  version: 2;
  hints: PlainHint[];
};

/** Version 1 had no vividness either. */
export type SessionV1 = Omit<SessionV2, 'version' | 'vividness'> & { version: 1 };

export const SESSION_FORMAT = 'tintype-session';
export const SESSION_VERSION = 3;
/** Every version parseSession reads, oldest first. */
export const READABLE_VERSIONS = [1, 2, 3] as const;
/**
 * Vividness of a new session and of a migrated v1 file. What a value looks like is defined by
 * the colorizer's decode (src/colorizer/vividness.ts), so this is tuned together with it: on 80
 * unseen train128-02 photos the shipped blind head at 0.35 reaches a colourfulness ratio of
 * 0.73 (0.53 at 0) for 0.25 dB of PSNR, and 0.5 gives 0.82 for 0.53 dB (measured with a PyTorch
 * replica of the decode); the CLI's numbers on val256 and the held-out set are in docs/eval/.
 */
export const DEFAULT_VIVIDNESS = 0.35;
/** Largest accepted image side (16-bit): beyond any photograph we expect, and it rejects
 * absurd sizes early. Whether a given size fits in memory is the renderer's concern. */
export const MAX_IMAGE_SIDE = 65535;

export interface SessionIssue {
  /** Field path in the file, e.g. `hints[3].ab[1]`; `(root)` for the whole document. */
  path: string;
  /** What is wrong, e.g. `expected a number in [-128, 127], got "red"`. */
  message: string;
}

/** Most issues spelled out in SessionError.message; the rest are counted. */
const ISSUES_IN_MESSAGE = 8;

/** Any reason a session could not be read or written; nothing is ever partly loaded. */
export class SessionError extends Error {
  override readonly name = 'SessionError';
  readonly issues: SessionIssue[];

  constructor(issues: SessionIssue[]) {
    const lines = issues.slice(0, ISSUES_IN_MESSAGE).map((i) => `${i.path}: ${i.message}`);
    if (issues.length > ISSUES_IN_MESSAGE) {
      lines.push(`… and ${issues.length - ISSUES_IN_MESSAGE} more problems`);
    }
    super(lines.join('\n'));
    this.issues = issues;
  }
}
