import { composeFullRes, workingSizeFor } from '../../colorizer';
import { composeRefined } from '../../colorizer/refine';
import { rasterizeHints } from '../../core/raster';
import { emptySession } from '../../core/session';
import { syntheticL, timeMedian } from './timing';

/** A 12-megapixel photograph, the size of a typical scan or phone picture. */
export const COMPOSE_WIDTH = 4000;
export const COMPOSE_HEIGHT = 3000;

/**
 * Times composeFullRes (ab upsampling + L·ab → sRGB) at 12 MP from a 256-long-side
 * prediction, for both methods, and render()'s export composition (composeRefined: guided,
 * then the output-resolution hint propagation) with 20 colour points. The ab field is smooth
 * with a few colour edges, like a network output.
 */
export async function benchComposition(
  runs: number,
): Promise<{ method: string; ms: number; runs: number }[]> {
  const image = {
    width: COMPOSE_WIDTH,
    height: COMPOSE_HEIGHT,
    L: syntheticL(COMPOSE_WIDTH, COMPOSE_HEIGHT),
  };
  const work = workingSizeFor(COMPOSE_WIDTH, COMPOSE_HEIGHT, 256);
  const ab = new Float32Array(work.width * work.height * 2);
  for (let y = 0; y < work.height; y++) {
    for (let x = 0; x < work.width; x++) {
      const i = 2 * (y * work.width + x);
      ab[i] = x < work.width / 2 ? 30 : -20;
      ab[i + 1] = 40 * Math.sin((y / work.height) * Math.PI);
    }
  }
  const results: { method: string; ms: number; runs: number }[] = [];
  for (const method of ['guided', 'bilinear'] as const) {
    const t = await timeMedian(
      () => composeFullRes(image, ab, work.width, work.height, method),
      runs,
    );
    results.push({ method, ...t });
  }
  const session = emptySession({ width: COMPOSE_WIDTH, height: COMPOSE_HEIGHT, name: 'bench' });
  for (let i = 0; i < 20; i++) {
    const x = ((i * 7919) % 97) / 97;
    const y = ((i * 104729) % 89) / 89;
    const ab: [number, number] = [40 * Math.cos(i), 40 * Math.sin(i)];
    session.hints.push({
      kind: 'point',
      x: x * COMPOSE_WIDTH,
      y: y * COMPOSE_HEIGHT,
      size: 40,
      ab,
    });
  }
  const hints = rasterizeHints(session, COMPOSE_WIDTH, COMPOSE_HEIGHT);
  const t = await timeMedian(
    () => composeRefined(image, ab, work.width, work.height, hints, { abLimit: 110 }),
    runs,
  );
  results.push({ method: 'guided + output-resolution propagation (render, 20 hints)', ...t });
  return results;
}
