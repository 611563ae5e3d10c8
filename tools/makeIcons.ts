/**
 * Renders the web app's icons (public/icons/*.png, named in the manifest in vite.config.ts) from
 * public/icons/icon.svg. The maskable one keeps the drawing inside the central 80 % safe zone on
 * a full-bleed background, so launchers that crop to a circle do not cut it.
 * Run: npx tsx tools/makeIcons.ts
 */
import sharp from 'sharp';

const DIR = 'public/icons';
const svg = `${DIR}/icon.svg`;

for (const size of [192, 512]) {
  await sharp(svg, { density: 300 }).resize(size, size).png().toFile(`${DIR}/icon-${size}.png`);
}
const inner = Math.round(512 * 0.8);
const drawing = await sharp(svg, { density: 300 }).resize(inner, inner).png().toBuffer();
await sharp({ create: { width: 512, height: 512, channels: 4, background: '#16171a' } })
  .composite([{ input: drawing, gravity: 'centre' }])
  .png()
  .toFile(`${DIR}/maskable-512.png`);
