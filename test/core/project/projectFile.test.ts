import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../../src/core/project/crc32';
import {
  type Project,
  ProjectError,
  projectFileName,
  readProject,
  writeProject,
} from '../../../src/core/project/projectFile';
import { addHint, emptySession, setGlobal, setVividness } from '../../../src/core/session';

const photoBytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 0xff, 0xd9]);

function sampleProject(): Project {
  let session = emptySession({ width: 300, height: 200, name: 'Tetons 1942' });
  session = addHint(session, { kind: 'point', x: 10.5, y: 20, size: 7, ab: [12.5, -33.75] });
  session = addHint(session, {
    kind: 'stroke',
    points: [
      [1, 2],
      [30, 40],
    ],
    width: 9,
    ab: [-5, 6],
    contain: true,
    reach: 40,
  });
  session = setGlobal(session, { saturation: 0.4, palette: [{ ab: [10, 20], weight: 2 }] });
  session = setVividness(session, 0.8);
  session = { ...session, reference: { name: 'ref.png', width: 64, height: 48 } };
  return { photo: { name: 'Tetons 1942.jpg', type: 'image/jpeg', bytes: photoBytes }, session };
}

/** The one-line message readProject throws for `data`. */
function errorOf(data: Uint8Array, name = 'work.tintype'): string {
  try {
    readProject(data, name);
  } catch (error) {
    expect(error).toBeInstanceOf(ProjectError);
    return (error as Error).message;
  }
  throw new Error('readProject accepted the file');
}

/** Rewrites one entry of a valid project (the manifest untouched unless it is the target). */
function withEntry(project: Uint8Array, name: string, bytes: Uint8Array | null): Uint8Array {
  const entries = unzipSync(project);
  if (bytes) entries[name] = new Uint8Array(bytes);
  else delete entries[name];
  return zipSync(entries);
}

describe('project file (.tintype)', () => {
  it('round trip keeps the photo bytes, the name and the whole session', () => {
    const project = sampleProject();
    const back = readProject(writeProject(project), 'x.tintype');
    expect(back.photo).toEqual(project.photo);
    expect(back.session).toEqual(project.session);
    expect(back.reference).toBeUndefined();
  });

  it('round trip with a reference photo', () => {
    const reference = { name: 'ref.png', type: 'image/png', bytes: new Uint8Array([137, 80, 78]) };
    const back = readProject(writeProject({ ...sampleProject(), reference }), 'x.tintype');
    expect(back.reference).toEqual(reference);
  });

  it('is a zip any tool can open: photo.jpg stored as is, the session as a normal file', () => {
    const entries = unzipSync(writeProject(sampleProject()));
    expect(Object.keys(entries).sort()).toEqual([
      'photo.jpg',
      'project.json',
      'session.tintype.json',
    ]);
    expect(entries['photo.jpg']).toEqual(photoBytes);
    const manifest = JSON.parse(new TextDecoder().decode(entries['project.json']));
    expect(manifest).toMatchObject({
      format: 'tintype-project',
      version: 1,
      photo: { file: 'photo.jpg', name: 'Tetons 1942.jpg', crc32: crc32(photoBytes) },
    });
  });

  it('refuses to write a photo type it cannot hold', () => {
    const project = sampleProject();
    expect(() =>
      writeProject({ ...project, photo: { ...project.photo, type: 'image/tiff' } }),
    ).toThrow(/Tetons 1942.jpg: a project holds JPEG, PNG or WebP, not image\/tiff/);
  });

  it('crc32 matches the standard check value', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
  });

  it('names the project after the photo', () => {
    expect(projectFileName('Tetons 1942.final.jpg')).toBe('Tetons 1942.final.tintype');
    expect(projectFileName('scan')).toBe('scan.tintype');
  });
});

describe('a bad project file is one line naming the file and the problem', () => {
  const good = writeProject(sampleProject());

  it.each([10, 100, good.length - 30, good.length - 1])('truncated to %i bytes', (n) => {
    const message = errorOf(good.subarray(0, n));
    expect(message).toMatch(/^work\.tintype: damaged or truncated project file/);
    expect(message).not.toContain('\n');
  });

  it('not a zip; a session file passed instead', () => {
    expect(errorOf(strToU8('GIF89a…'))).toBe(
      'work.tintype: not a Tintype project (not a zip archive)',
    );
    expect(errorOf(strToU8('{"format":"tintype-session"}'))).toMatch(
      /^work\.tintype: not a Tintype project \(it is JSON/,
    );
    expect(errorOf(new Uint8Array())).toMatch(/not a zip archive/);
  });

  it('a zip that is not a project', () => {
    const zip = zipSync({ 'readme.txt': strToU8('hello') });
    expect(errorOf(zip)).toBe('work.tintype: not a Tintype project (no project.json inside)');
  });

  it('a damaged photo (same length, one byte changed) is caught by its checksum', () => {
    const bad = photoBytes.slice();
    bad[5] ^= 0x40;
    expect(errorOf(withEntry(good, 'photo.jpg', bad))).toBe(
      'work.tintype: photo.jpg is damaged (its length or checksum does not match)',
    );
  });

  it('a missing photo', () => {
    expect(errorOf(withEntry(good, 'photo.jpg', null))).toBe(
      'work.tintype: photo.jpg is missing from the project',
    );
  });

  it('an invalid session names the field', () => {
    const project = sampleProject();
    const json = JSON.stringify({ ...project.session, vividness: 7 });
    const bytes = strToU8(json);
    const entries = unzipSync(good);
    const manifest = JSON.parse(new TextDecoder().decode(entries['project.json']));
    manifest.session = { file: 'session.tintype.json', bytes: bytes.length, crc32: crc32(bytes) };
    entries['project.json'] = strToU8(JSON.stringify(manifest));
    entries['session.tintype.json'] = bytes;
    const message = errorOf(zipSync(entries));
    expect(message).toMatch(/^work\.tintype: session\.tintype\.json: vividness: /);
    expect(message).not.toContain('\n');
  });

  it('a manifest of another format or version, or not JSON', () => {
    const manifest = (value: unknown) =>
      withEntry(good, 'project.json', strToU8(JSON.stringify(value)));
    expect(errorOf(manifest({ format: 'zip', version: 1 }))).toMatch(
      /^work\.tintype: project\.json: format is "zip", expected "tintype-project"$/,
    );
    expect(errorOf(manifest({ format: 'tintype-project', version: 9 }))).toMatch(
      /version 9 is not readable here/,
    );
    expect(errorOf(withEntry(good, 'project.json', strToU8('{"format":')))).toBe(
      'work.tintype: project.json is not valid JSON',
    );
  });
});
