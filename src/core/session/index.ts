export {
  addHint,
  clearHints,
  emptySession,
  removeHint,
  replaceHint,
  setGlobal,
  setVividness,
} from './edit';
export { migrateV1, migrateV2 } from './migrate';
export { parseSession } from './parse';
export { serializeSession } from './serialize';
export type {
  Ab,
  EraseHint,
  GlobalHints,
  Hint,
  HintSpread,
  PaletteEntry,
  PointHint,
  Session,
  SessionImage,
  SessionIssue,
  SessionReference,
  SessionV1,
  SessionV2,
  StrokeHint,
  Xy,
} from './types';
export {
  DEFAULT_VIVIDNESS,
  MAX_IMAGE_SIDE,
  READABLE_VERSIONS,
  SESSION_FORMAT,
  SESSION_VERSION,
  SessionError,
} from './types';
