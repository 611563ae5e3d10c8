import { describe, expect, it } from 'vitest';
import {
  addHint,
  DEFAULT_VIVIDNESS,
  emptySession,
  serializeSession,
  setVividness,
} from '../../src/core/session';
import { readSessionText, sessionFileName } from '../../src/editor/files/sessionFile';

const photo = { width: 400, height: 200, name: 'tetons' };

describe('session files', () => {
  it('opens a session for the same size', () => {
    const s = addHint(emptySession({ width: 400, height: 200, name: 'x' }), {
      kind: 'point',
      x: 1,
      y: 2,
      size: 3,
      ab: [4, 5],
    });
    const result = readSessionText(serializeSession(s), 'x.tintype.json', photo);
    expect(result.ok).toBe(true);
    if (result.ok === true) expect(result.session.hints).toEqual(s.hints);
  });

  it('opens a version-1 file (made before vividness) and keeps a saved vividness', () => {
    const v1 = {
      format: 'tintype-session',
      version: 1,
      image: { width: 400, height: 200, name: 'x' },
      hints: [],
      global: { saturation: null, palette: null },
    };
    const old = readSessionText(JSON.stringify(v1), 'old.tintype.json', photo);
    expect(old).toMatchObject({ ok: true, session: { version: 3, vividness: DEFAULT_VIVIDNESS } });
    const vivid = setVividness(emptySession({ width: 400, height: 200, name: 'x' }), 0.9);
    const back = readSessionText(serializeSession(vivid), 'v.tintype.json', photo);
    expect(back).toMatchObject({ ok: true, session: { vividness: 0.9 } });
  });

  it('a malformed file gives a message naming the file and the problem', () => {
    const result = readSessionText(
      '{"format":"tintype-session","version":1,"hints":[{"kind":"point"}]}',
      'bad.tintype.json',
      photo,
    );
    expect(result.ok).toBe(false);
    if (result.ok === false) {
      expect(result.message).toMatch(
        /“bad.tintype.json” is not a valid Tintype session; your work is unchanged/,
      );
      expect(result.message).toMatch(/image|hints\[0\]/);
    }
    const notJson = readSessionText('not json', 'n.json', photo);
    expect(notJson.ok).toBe(false);
  });

  it('a session for another size asks, offering scaled hints', () => {
    const s = addHint(emptySession({ width: 800, height: 400, name: 'big' }), {
      kind: 'point',
      x: 100,
      y: 100,
      size: 10,
      ab: [4, 5],
    });
    const result = readSessionText(serializeSession(s), 'big.tintype.json', photo);
    expect(result.ok).toBe('size-mismatch');
    if (result.ok === 'size-mismatch') {
      expect(result.question).toMatch(/800×400.*400×200.*same photo at another size/);
      expect(result.session.image).toEqual(photo);
      expect(result.session.hints[0]).toMatchObject({ x: 50, y: 50, size: 5 });
    }
  });

  it('names session files after the photo', () => {
    expect(sessionFileName('tetons')).toBe('tetons.tintype.json');
  });
});
