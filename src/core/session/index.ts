export { addHint, clearHints, emptySession, removeHint, replaceHint, setGlobal } from './edit';
export { parseSession } from './parse';
export { serializeSession } from './serialize';
export type {
  Ab,
  EraseHint,
  GlobalHints,
  Hint,
  PaletteEntry,
  PointHint,
  Session,
  SessionImage,
  SessionIssue,
  StrokeHint,
  Xy,
} from './types';
export { MAX_IMAGE_SIDE, SESSION_FORMAT, SESSION_VERSION, SessionError } from './types';
