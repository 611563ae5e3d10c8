import type { Ab, HintSpread } from '../../core/session/types';
import type { ToolName } from '../tools/types';

/** Everything about the editor that is not the document (not undoable, not in the file). */
export interface EditorSettings {
  tool: ToolName;
  /** Colour for new hints, as a*, b* (the photo supplies L). */
  color: Ab;
  /**
   * What a new point starts as: 'guess', the colour the network shows there (Zhang et al.'s
   * editor), or 'picked', `color`. Picking a colour with no point selected means "this colour
   * for what I add next", so it switches to 'picked' until the user asks for the guess again.
   */
  newPointColor: 'guess' | 'picked';
  /** Most recent first, at most MAX_RECENT_COLORS. */
  recentColors: Ab[];
  pointSize: number;
  brushWidth: number;
  eraserWidth: number;
  /**
   * How far the colour of a new point / stroke may travel (session v3 contain, reach). Strokes
   * are contained by default: a scribble over one object should colour that object.
   */
  pointSpread: HintSpread;
  brushSpread: HintSpread;
  hintsVisible: boolean;
  compare: boolean;
  uncertaintyVisible: boolean;
}

export const MAX_RECENT_COLORS = 12;
/** Sizes in source pixels; the upper bound covers a brush sweeping a 6000-px photo. */
export const MIN_HINT_SIZE = 1;
export const MAX_HINT_SIZE = 400;

/** A warm skin/wood tone: a useful first colour on most old photographs. */
export const DEFAULT_COLOR: Ab = [18, 28];

export function defaultSettings(): EditorSettings {
  return {
    tool: 'point',
    color: DEFAULT_COLOR,
    newPointColor: 'guess',
    recentColors: [],
    pointSize: 8,
    brushWidth: 16,
    eraserWidth: 32,
    pointSpread: {},
    brushSpread: { contain: true },
    hintsVisible: true,
    compare: false,
    uncertaintyVisible: false,
  };
}

/**
 * Sizes that suit a photo of this size: 1.5 % of the long side for points (≈ 4 px at the
 * network's 256-px working size, inside the 1–9 px patches Zhang et al. trained with; smaller
 * points fall below one working pixel and barely register), 1 % for the brush, 2.5 % for the
 * eraser.
 */
export function sizesForImage(
  width: number,
  height: number,
): Pick<EditorSettings, 'pointSize' | 'brushWidth' | 'eraserWidth'> {
  const longSide = Math.max(width, height);
  const at = (fraction: number, min: number) =>
    clampSize(Math.max(min, Math.round(longSide * fraction)));
  return { pointSize: at(0.015, 3), brushWidth: at(0.01, 4), eraserWidth: at(0.025, 8) };
}

export function clampSize(size: number): number {
  if (!Number.isFinite(size)) throw new RangeError(`size: expected a finite number, got ${size}`);
  return Math.min(MAX_HINT_SIZE, Math.max(MIN_HINT_SIZE, Math.round(size)));
}

/** Puts `color` first, dropping an earlier copy (equal to 0.5 in a*, b*) and the oldest beyond the limit. */
export function withRecentColor(recent: Ab[], color: Ab): Ab[] {
  const same = (c: Ab) => Math.abs(c[0] - color[0]) < 0.5 && Math.abs(c[1] - color[1]) < 0.5;
  return [color, ...recent.filter((c) => !same(c))].slice(0, MAX_RECENT_COLORS);
}

/** The size `tool` draws with: the point size, the brush width or the eraser width. */
export function toolSize(settings: EditorSettings, tool: ToolName): number {
  if (tool === 'point') return settings.pointSize;
  return tool === 'brush' ? settings.brushWidth : settings.eraserWidth;
}

/** The spread new hints of `tool` get; an eraser's hints have none. */
export function toolSpread(settings: EditorSettings, tool: ToolName): HintSpread {
  if (tool === 'point') return settings.pointSpread;
  return tool === 'brush' ? settings.brushSpread : {};
}

const SIZE_KEY = { point: 'pointSize', brush: 'brushWidth', eraser: 'eraserWidth' } as const;

/** `settings` with the active tool's size replaced by `size` (already clamped). */
export function withActiveToolSize(settings: EditorSettings, size: number): EditorSettings {
  return { ...settings, [SIZE_KEY[settings.tool]]: size };
}

/** `settings` with `color` as the current colour and first among the recent ones. */
export function withColor(settings: EditorSettings, color: Ab): EditorSettings {
  return { ...settings, color, recentColors: withRecentColor(settings.recentColors, color) };
}
