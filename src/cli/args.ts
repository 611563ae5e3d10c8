import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { MAX_WORKING_SIZE, MIN_WORKING_SIZE, NETWORK_STRIDE } from '../colorizer/config';
import { type OutputOptions, parseMaxPixels, parseShard, type Shard } from './archiveArgs';
import { UsageError } from './errors';
import { parseVividnessFlag } from './vividness';

/** Backends that run in Node: WebGL and WebGPU need a browser. */
export const NODE_BACKENDS = ['wasm', 'cpu'] as const;
export type NodeBackend = (typeof NODE_BACKENDS)[number];
export const METHODS = ['guided', 'bilinear'] as const;
export type Method = (typeof METHODS)[number];

/** The shipped model, found relative to this file so the CLI works from any directory. */
export const DEFAULT_MODEL = fileURLToPath(
  new URL('../../public/models/tintype/model.json', import.meta.url),
);

/** Options every colorizing command shares. */
export interface ModelOptions {
  /** Working resolution of the network; undefined = the model's `workingSize`. */
  size: number | undefined;
  backend: NodeBackend;
  model: string;
  method: Method;
  /** Replaces the session's vividness (or the default, without a session); undefined = keep. */
  vividness: number | undefined;
}

export interface ColorizeArgs extends ModelOptions, OutputOptions {
  image: string;
  session: string | undefined;
  /** Colour photo whose matched regions become point hints (--reference). */
  reference: string | undefined;
  out: string;
}

export interface BatchArgs extends ModelOptions, OutputOptions {
  manifest: string;
  /** Skip entries whose output is already a complete PNG. */
  resume: boolean;
  shard: Shard | undefined;
  /** JSON Lines file appended with one result per entry. */
  report: string | undefined;
}

type Options = NonNullable<ParseArgsConfig['options']>;

const MODEL_OPTIONS: Options = {
  size: { type: 'string' },
  backend: { type: 'string' },
  model: { type: 'string' },
  method: { type: 'string' },
  vividness: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  overwrite: { type: 'boolean' },
  'max-pixels': { type: 'string' },
};

/** Parses with Node's strict parser and turns its errors into usage errors. */
function parseStrict(argv: string[], options: Options, command: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UsageError(`${command}: ${message} (see 'tintype ${command} --help')`);
  }
}

/** True when -h/--help appears: help wins over every other problem with the command line. */
export function wantsHelp(argv: string[]): boolean {
  return argv.includes('--help') || argv.includes('-h');
}

function oneOf<T extends string>(
  command: string,
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(
    `${command}: --${flag} must be one of ${allowed.join(', ')}, got "${value}"`,
  );
}

export function parseSize(command: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const size = Number(value);
  const valid =
    /^\d+$/.test(value) &&
    size >= MIN_WORKING_SIZE &&
    size <= MAX_WORKING_SIZE &&
    size % NETWORK_STRIDE === 0;
  if (!valid) {
    throw new UsageError(
      `${command}: --size must be a multiple of ${NETWORK_STRIDE} from ${MIN_WORKING_SIZE} to ${MAX_WORKING_SIZE}, got "${value}"`,
    );
  }
  return size;
}

function modelOptions(command: string, values: Record<string, unknown>): ModelOptions {
  const str = (key: string) => values[key] as string | undefined;
  return {
    size: parseSize(command, str('size')),
    backend: oneOf(command, 'backend', str('backend'), NODE_BACKENDS, 'wasm'),
    model: path.resolve(str('model') ?? DEFAULT_MODEL),
    method: oneOf(command, 'method', str('method'), METHODS, 'guided'),
    vividness: parseVividnessFlag(command, str('vividness')),
  };
}

function outputOptions(command: string, values: Record<string, unknown>): OutputOptions {
  return {
    overwrite: values.overwrite === true,
    maxPixels: parseMaxPixels(command, values['max-pixels'] as string | undefined),
  };
}

function onePositional(command: string, positionals: string[], what: string): string {
  if (positionals.length === 0) throw new UsageError(`${command}: missing ${what}`);
  if (positionals.length > 1) {
    throw new UsageError(`${command}: expected one ${what}, got ${positionals.length} arguments`);
  }
  return positionals[0];
}

/** `<dir>/<name>-colorized.png` next to the input photograph. */
export function defaultOutPath(image: string): string {
  const parsed = path.parse(image);
  return path.join(parsed.dir, `${parsed.name}-colorized.png`);
}

export function parseColorizeArgs(argv: string[]): ColorizeArgs {
  const options = {
    ...MODEL_OPTIONS,
    session: { type: 'string' },
    reference: { type: 'string' },
    out: { type: 'string' },
  };
  const { values, positionals } = parseStrict(argv, options as Options, 'colorize');
  const image = onePositional('colorize', positionals, 'image file');
  const out = values.out as string | undefined;
  return {
    ...modelOptions('colorize', values),
    ...outputOptions('colorize', values),
    image,
    session: values.session as string | undefined,
    reference: values.reference as string | undefined,
    out: out ?? defaultOutPath(image),
  };
}

const BATCH_OPTIONS: Options = {
  ...MODEL_OPTIONS,
  resume: { type: 'boolean' },
  shard: { type: 'string' },
  report: { type: 'string' },
};

export function parseBatchArgs(argv: string[]): BatchArgs {
  const { values, positionals } = parseStrict(argv, BATCH_OPTIONS, 'batch');
  const report = values.report as string | undefined;
  return {
    ...modelOptions('batch', values),
    ...outputOptions('batch', values),
    manifest: onePositional('batch', positionals, 'manifest file (.jsonl)'),
    resume: values.resume === true,
    shard: parseShard(values.shard as string | undefined),
    report: report === undefined ? undefined : path.resolve(report),
  };
}
