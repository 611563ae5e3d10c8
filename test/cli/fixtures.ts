/**
 * Small photographs generated with sharp into a temp dir: one per input kind the CLI must
 * read (grey, RGB JPEG with EXIF orientation 6, RGBA, palette, 16-bit) plus broken files.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Hint } from '../../src/core/session';
import { emptySession, serializeSession } from '../../src/core/session';

export const W = 48;
export const H = 32;

/** Grey ramp with mid-tones everywhere (L* ≈ 35–75), so hint colours stay inside the gamut. */
function greyRamp(width: number, height: number, channels: 1 | 3 | 4): Buffer {
  const data = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = 90 + Math.round((80 * x) / width);
      const p = (y * width + x) * channels;
      for (let c = 0; c < Math.min(channels, 3); c++) data[p + c] = v;
      if (channels === 4) data[p + 3] = x < width / 2 ? 255 : 96;
    }
  }
  return data;
}

export interface Fixtures {
  dir: string;
  grey: string;
  rgbExif6: string;
  rgba: string;
  palette: string;
  grey16: string;
  truncatedJpeg: string;
  notImage: string;
  session: string;
  sessionWrongSize: string;
  sessionMalformed: string;
  sessionBadField: string;
  /** The hint written into `session`: a 10×10 point at (12, 12). */
  hint: { x: number; y: number; size: number; ab: [number, number] };
}

export async function makeFixtures(): Promise<Fixtures> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tintype-cli-'));
  const at = (name: string) => path.join(dir, name);
  const raw = (channels: 1 | 3 | 4) => ({ raw: { width: W, height: H, channels } });

  await sharp(greyRamp(W, H, 1), raw(1))
    .toColourspace('b-w')
    .png()
    .toFile(at('grey.png'));
  // Stored landscape W×H with orientation 6 (rotate 90° clockwise): viewers show it H×W.
  await sharp(greyRamp(W, H, 3), raw(3))
    .jpeg({ quality: 95 })
    .withMetadata({ orientation: 6 })
    .toFile(at('rgb-exif6.jpg'));
  await sharp(greyRamp(W, H, 4), raw(4))
    .png()
    .toFile(at('rgba.png'));
  await sharp(greyRamp(W, H, 3), raw(3))
    .png({ palette: true, colours: 16 })
    .toFile(at('palette.png'));
  await sharp(greyRamp(W, H, 1), raw(1))
    .toColourspace('grey16')
    .png()
    .toFile(at('grey16.png'));

  const jpeg = await readFile(at('rgb-exif6.jpg'));
  await writeFile(at('truncated.jpg'), jpeg.subarray(0, Math.floor(jpeg.length * 0.6)));
  await writeFile(at('not-an-image.png'), 'this is a text file, not a PNG\n');

  const hint = { x: 12, y: 12, size: 10, ab: [45, 35] as [number, number] };
  const session = emptySession({ width: W, height: H, name: 'grey.png' });
  const hints: Hint[] = [{ kind: 'point', ...hint }];
  await writeFile(at('session.json'), serializeSession({ ...session, hints }));
  await writeFile(
    at('session-wrong-size.json'),
    serializeSession(emptySession({ width: 1498, height: 1199, name: 'other.jpg' })),
  );
  await writeFile(at('session-malformed.json'), '{ "format": "tintype-session", "version": 1, ');
  const bad = JSON.parse(serializeSession({ ...session, hints }));
  bad.hints[0].ab[1] = 'red';
  await writeFile(at('session-bad-field.json'), JSON.stringify(bad));

  return {
    dir,
    grey: at('grey.png'),
    rgbExif6: at('rgb-exif6.jpg'),
    rgba: at('rgba.png'),
    palette: at('palette.png'),
    grey16: at('grey16.png'),
    truncatedJpeg: at('truncated.jpg'),
    notImage: at('not-an-image.png'),
    session: at('session.json'),
    sessionWrongSize: at('session-wrong-size.json'),
    sessionMalformed: at('session-malformed.json'),
    sessionBadField: at('session-bad-field.json'),
    hint,
  };
}
