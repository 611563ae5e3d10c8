/**
 * Copies the public-domain demo photographs listed in src/editor/demo/credits.ts from SOURCE_DIR
 * into public/demo, downscaling any whose long side exceeds 1600 px (the editor's working
 * resolution never needs more, and the bundle stays small), and writes credits.json.
 *
 *   npx tsx tools/prepareDemo.ts SOURCE_DIR
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { DEMO_PHOTOS } from '../src/editor/demo/credits';

const MAX_LONG_SIDE = 1600;

async function main(): Promise<void> {
  const sourceDir = process.argv[2];
  if (!sourceDir || process.argv.length > 3) {
    console.error('usage: npx tsx tools/prepareDemo.ts SOURCE_DIR');
    process.exit(2);
  }
  const targetDir = 'public/demo';
  await mkdir(targetDir, { recursive: true });
  for (const photo of DEMO_PHOTOS) {
    const from = join(sourceDir, photo.file);
    const to = join(targetDir, photo.file);
    const meta = await sharp(from).metadata();
    const longSide = Math.max(meta.width ?? 0, meta.height ?? 0);
    if (longSide <= MAX_LONG_SIDE) {
      await copyFile(from, to);
    } else {
      await sharp(from)
        .resize({ width: MAX_LONG_SIDE, height: MAX_LONG_SIDE, fit: 'inside' })
        .jpeg({ quality: 88, mozjpeg: true })
        .toFile(to);
    }
    console.log(`${photo.file}: ${longSide > MAX_LONG_SIDE ? 'downscaled' : 'copied'}`);
  }
  await writeFile(join(targetDir, 'credits.json'), `${JSON.stringify(DEMO_PHOTOS, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
