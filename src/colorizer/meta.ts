import type { ModelMeta } from './types';

/**
 * Validates `userDefinedMetadata.tintype` of a model.json. Every problem is reported with
 * the field's path so an exporter mismatch is obvious from the message alone.
 */
export function parseModelMeta(modelJson: unknown): ModelMeta {
  const where = 'model.json userDefinedMetadata.tintype';
  const root = asRecord(modelJson, 'model.json');
  const udm = root.userDefinedMetadata;
  if (udm === undefined) throw new Error(`${where}: missing (no userDefinedMetadata)`);
  const raw = asRecord(asRecord(udm, 'model.json userDefinedMetadata').tintype, where);
  if (raw.format !== 'tintype-model') {
    throw new Error(`${where}.format: expected "tintype-model", got ${JSON.stringify(raw.format)}`);
  }
  if (raw.version !== 1) {
    throw new Error(`${where}.version: expected 1, got ${JSON.stringify(raw.version)}`);
  }
  const num = (key: string): number => {
    const v = raw[key];
    if (v === undefined) throw new Error(`${where}.${key}: missing`);
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new Error(`${where}.${key}: expected a number, got ${JSON.stringify(v)}`);
    }
    return v;
  };
  const positiveInt = (key: string): number => {
    const v = num(key);
    if (!Number.isInteger(v) || v <= 0) {
      throw new Error(`${where}.${key}: expected a positive integer, got ${v}`);
    }
    return v;
  };
  const meta: ModelMeta = {
    format: 'tintype-model',
    version: 1,
    lCenter: num('lCenter'),
    lScale: num('lScale'),
    abScale: num('abScale'),
    stride: positiveInt('stride'),
    logitsStride: positiveInt('logitsStride'),
    workingSize: positiveInt('workingSize'),
    binSize: num('binSize'),
    bins: parseBins(raw.bins, `${where}.bins`),
    saturation: typeof raw.saturation === 'string' ? raw.saturation : '',
  };
  if (meta.lScale === 0 || meta.abScale === 0) {
    throw new Error(`${where}: lScale and abScale must be non-zero`);
  }
  if (meta.stride % meta.logitsStride !== 0) {
    throw new Error(
      `${where}: stride ${meta.stride} must be a multiple of logitsStride ${meta.logitsStride}`,
    );
  }
  if (typeof raw.params === 'number') meta.params = raw.params;
  if (typeof raw.gflops256 === 'number') meta.gflops256 = raw.gflops256;
  if (raw.training !== undefined) meta.training = raw.training;
  if (typeof raw.codeRevision === 'string') meta.codeRevision = raw.codeRevision;
  return meta;
}

function parseBins(value: unknown, where: string): [number, number][] {
  if (value === undefined) throw new Error(`${where}: missing`);
  if (!Array.isArray(value) || value.length === 0) {
    throw new Error(`${where}: expected a non-empty array of [a, b] pairs`);
  }
  return value.map((pair, i) => {
    if (
      !Array.isArray(pair) ||
      pair.length !== 2 ||
      typeof pair[0] !== 'number' ||
      typeof pair[1] !== 'number' ||
      !Number.isFinite(pair[0]) ||
      !Number.isFinite(pair[1])
    ) {
      throw new Error(`${where}[${i}]: expected [a, b] numbers, got ${JSON.stringify(pair)}`);
    }
    return [pair[0], pair[1]] as [number, number];
  });
}

function asRecord(value: unknown, where: string): Record<string, unknown> {
  if (value === undefined) throw new Error(`${where}: missing`);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${where}: expected an object, got ${JSON.stringify(value)}`);
  }
  return value as Record<string, unknown>;
}
