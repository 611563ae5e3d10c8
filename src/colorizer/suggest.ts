import { softmaxInto } from './distribution';

export interface AbCluster {
  ab: [number, number];
  probability: number;
}

export interface ClusterOptions {
  /** Bins within this ab distance of a cluster's seed join it (Zhang et al. use ~one bin). */
  radius?: number;
  /** Clusters whose centres end up closer than this are the same colour to a user. */
  minSeparation?: number;
}

/**
 * Greedy mode finding on a distribution over ab bins: take the most probable unclaimed bin,
 * absorb every unclaimed bin within `radius`, place the cluster at their probability-weighted
 * mean; repeat. Returns up to k clusters sorted by probability, near-duplicates dropped.
 */
export function clusterDistribution(
  probs: ArrayLike<number>,
  bins: readonly (readonly [number, number])[],
  k: number,
  { radius = 18, minSeparation = 12 }: ClusterOptions = {},
): AbCluster[] {
  if (!(Number.isInteger(k) && k >= 1)) throw new Error(`k must be a positive integer, got ${k}`);
  if (probs.length !== bins.length) {
    throw new Error(`clusterDistribution: ${probs.length} probabilities for ${bins.length} bins`);
  }
  const order = Array.from(bins.keys()).sort((i, j) => probs[j] - probs[i]);
  const claimed = new Uint8Array(bins.length);
  const clusters: AbCluster[] = [];
  const r2 = radius * radius;
  for (const seed of order) {
    if (clusters.length >= k) break;
    if (claimed[seed] || !(probs[seed] > 0)) continue;
    let mass = 0;
    let sa = 0;
    let sb = 0;
    for (let i = 0; i < bins.length; i++) {
      if (claimed[i]) continue;
      const da = bins[i][0] - bins[seed][0];
      const db = bins[i][1] - bins[seed][1];
      if (da * da + db * db > r2) continue;
      claimed[i] = 1;
      mass += probs[i];
      sa += probs[i] * bins[i][0];
      sb += probs[i] * bins[i][1];
    }
    const ab: [number, number] = [sa / mass, sb / mass];
    const duplicate = clusters.find(
      (c) => Math.hypot(c.ab[0] - ab[0], c.ab[1] - ab[1]) < minSeparation,
    );
    // The earlier cluster is more probable; it keeps the colour and gains the mass.
    if (duplicate) duplicate.probability += mass;
    else clusters.push({ ab, probability: mass });
  }
  return clusters.sort((x, y) => y.probability - x.probability);
}

/** Softmax of one logits vector into a fresh array. */
export function softmax(logits: Float32Array): Float64Array {
  const out = new Float64Array(logits.length);
  softmaxInto(logits, 0, logits.length, out);
  return out;
}
