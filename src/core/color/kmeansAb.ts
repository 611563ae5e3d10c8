/**
 * k-means over ab pairs, for turning a reference photo into a global palette (`global.palette`).
 * Deterministic (farthest-point seeding from the mean, no randomness) so the same reference
 * always gives the same palette and tests are stable.
 */
export interface AbCluster {
  ab: [number, number];
  /** Fraction of the samples in this cluster; all weights sum to 1. */
  weight: number;
}

const MAX_ITERATIONS = 20;

/** `ab` holds interleaved a, b values (length 2n). Returns ≤ k clusters, heaviest first. */
export function kmeansAb(ab: Float32Array, k: number): AbCluster[] {
  if (ab.length % 2 !== 0) throw new RangeError(`ab: expected an even length, got ${ab.length}`);
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k: expected an integer ≥ 1, got ${k}`);
  const n = ab.length / 2;
  if (n === 0) return [];
  const centres = seedCentres(ab, n, k);
  const counts = new Float64Array(centres.length / 2);
  const assignment = new Int32Array(n);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    let changed = false;
    for (let i = 0; i < n; i++) {
      const nearest = nearestCentre(centres, ab[2 * i], ab[2 * i + 1]);
      if (nearest !== assignment[i] || iteration === 0) changed = true;
      assignment[i] = nearest;
    }
    const sums = new Float64Array(centres.length);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const c = assignment[i];
      sums[2 * c] += ab[2 * i];
      sums[2 * c + 1] += ab[2 * i + 1];
      counts[c]++;
    }
    for (let c = 0; c < counts.length; c++) {
      if (counts[c] === 0) continue; // an emptied centre keeps its place
      centres[2 * c] = sums[2 * c] / counts[c];
      centres[2 * c + 1] = sums[2 * c + 1] / counts[c];
    }
    if (!changed) break;
  }
  const clusters: AbCluster[] = [];
  for (let c = 0; c < counts.length; c++) {
    if (counts[c] > 0) {
      clusters.push({ ab: [centres[2 * c], centres[2 * c + 1]], weight: counts[c] / n });
    }
  }
  return clusters.sort((p, q) => q.weight - p.weight);
}

function nearestCentre(centres: Float64Array, a: number, b: number): number {
  let best = 0;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let c = 0; c < centres.length / 2; c++) {
    const da = a - centres[2 * c];
    const db = b - centres[2 * c + 1];
    const d = da * da + db * db;
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best;
}

/** Farthest-point seeding: start at the sample nearest the mean, then repeatedly the farthest. */
function seedCentres(ab: Float32Array, n: number, k: number): Float64Array {
  let meanA = 0;
  let meanB = 0;
  for (let i = 0; i < n; i++) {
    meanA += ab[2 * i] / n;
    meanB += ab[2 * i + 1] / n;
  }
  const distance = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const chosen: number[] = [];
  let next = 0;
  let nearestToMean = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const d = (ab[2 * i] - meanA) ** 2 + (ab[2 * i + 1] - meanB) ** 2;
    if (d < nearestToMean) {
      nearestToMean = d;
      next = i;
    }
  }
  while (chosen.length < k) {
    chosen.push(next);
    let farthest = -1;
    let farthestDistance = 0;
    for (let i = 0; i < n; i++) {
      const d = (ab[2 * i] - ab[2 * next]) ** 2 + (ab[2 * i + 1] - ab[2 * next + 1]) ** 2;
      if (d < distance[i]) distance[i] = d;
      if (distance[i] > farthestDistance) {
        farthestDistance = distance[i];
        farthest = i;
      }
    }
    if (farthest < 0) break; // fewer distinct colours than k
    next = farthest;
  }
  const centres = new Float64Array(chosen.length * 2);
  chosen.forEach((sample, c) => {
    centres[2 * c] = ab[2 * sample];
    centres[2 * c + 1] = ab[2 * sample + 1];
  });
  return centres;
}
