import * as z from 'zod';
import {
  type GlobalHints,
  type Hint,
  MAX_IMAGE_SIDE,
  SESSION_FORMAT,
  SESSION_VERSION,
  type Session,
  type SessionImage,
  type SessionReference,
  type SessionV1,
  type SessionV2,
} from './types';

/**
 * Zod schemas for session v3, and v2 and v1 (read only, then migrated). Every object is strict: an unknown field is rejected rather than
 * dropped, because it means the file came from a newer or different writer (or has a typo) and
 * silently losing it on the next save would destroy the user's data.
 *
 * Each check carries the phrase "expected …" that the issue formatter (issues.ts) completes with
 * the value actually found. z.number() already rejects NaN and ±Infinity in zod 4.
 */

function numberIn(min: number, max: number, what = 'a number') {
  const error = `expected ${what} in [${min}, ${max}]`;
  return z.number({ error }).min(min, { error }).max(max, { error });
}

const finite = z.number({ error: 'expected a finite number' });
const positive = z
  .number({ error: 'expected a positive finite number' })
  .positive({ error: 'expected a positive finite number' });

/** ±128: the CIELAB a*, b* range an 8-bit encoder can represent; the editor stays inside it. */
const abComponent = numberIn(-128, 127);
const ab = z.tuple([abComponent, abComponent], {
  error: 'expected [a, b]: two numbers in [-128, 127]',
});

const xy = z.tuple([finite, finite], { error: 'expected [x, y]: two finite numbers' });
const polyline = z
  .array(xy, { error: 'expected a non-empty list of [x, y] points' })
  .min(1, { error: 'expected a non-empty list of [x, y] points' });

/** v3's optional spread fields (types.ts HintSpread). */
const spread = {
  contain: z.boolean({ error: 'expected true or false' }).optional(),
  reach: positive.optional(),
};

const plainPoint = { kind: z.literal('point'), x: finite, y: finite, size: positive, ab };
const plainStroke = { kind: z.literal('stroke'), points: polyline, width: positive, ab };

const eraseHint = z.strictObject({
  kind: z.literal('erase'),
  points: polyline,
  width: positive,
});

const HINT_KINDS = 'expected "point", "stroke" or "erase"';

function hintUnion<T>(options: [z.ZodType, z.ZodType, z.ZodType]): z.ZodType<T> {
  // biome-ignore lint/suspicious/noExplicitAny: zod's discriminatedUnion wants its option types.
  return z.discriminatedUnion('kind', options as any, {
    // The same union error covers "not an object" and "unknown kind" (reported at .kind); zod's
    // types only admit the latter, but at run time a non-object arrives as invalid_type.
    error: (issue) =>
      (issue as { code: string }).code === 'invalid_type'
        ? 'expected a hint object with a "kind"'
        : HINT_KINDS,
  }) as unknown as z.ZodType<T>;
}

export const hintSchema: z.ZodType<Hint> = hintUnion<Hint>([
  z.strictObject({
    ...plainPoint,
    ...spread,
    from: z.literal('reference', { error: 'expected "reference"' }).optional(),
  }),
  z.strictObject({ ...plainStroke, ...spread }),
  eraseHint,
]);

/** v1 and v2 hints: no spread, no origin. */
const plainHintSchema = hintUnion<SessionV2['hints'][number]>([
  z.strictObject(plainPoint),
  z.strictObject(plainStroke),
  eraseHint,
]);

const side = z
  .number({ error: `expected an integer in [1, ${MAX_IMAGE_SIDE}]` })
  .int({ error: `expected an integer in [1, ${MAX_IMAGE_SIDE}]` })
  .min(1, { error: `expected an integer in [1, ${MAX_IMAGE_SIDE}]` })
  .max(MAX_IMAGE_SIDE, { error: `expected an integer in [1, ${MAX_IMAGE_SIDE}]` });

export const imageSchema: z.ZodType<SessionImage> = z.strictObject(
  {
    width: side,
    height: side,
    name: z.string({ error: 'expected a string' }),
  },
  { error: 'expected { width, height, name }' },
);

const paletteEntry = z.strictObject(
  {
    ab,
    weight: z
      .number({ error: 'expected a finite number ≥ 0' })
      .min(0, { error: 'expected a finite number ≥ 0' }),
  },
  { error: 'expected a palette entry { ab, weight }' },
);

const globalSchema: z.ZodType<GlobalHints> = z.strictObject(
  {
    saturation: numberIn(0, 1, 'null or a number').nullable(),
    palette: z
      .array(paletteEntry, { error: 'expected null or a list of { ab, weight }' })
      .nullable(),
  },
  { error: 'expected { saturation, palette }' },
);

const format = z.literal(SESSION_FORMAT, { error: `expected "${SESSION_FORMAT}"` });
const hints = z.array(hintSchema, { error: 'expected a list of hints' });
const plainHints = z.array(plainHintSchema, { error: 'expected a list of hints' });
const notASession = { error: 'expected a Tintype session object' };

const referenceSchema: z.ZodType<SessionReference> = z.strictObject(
  { width: side, height: side, name: z.string({ error: 'expected a string' }) },
  { error: 'expected { name, width, height }' },
);

export const sessionSchema: z.ZodType<Session> = z.strictObject(
  {
    format,
    version: z.literal(SESSION_VERSION, { error: `expected ${SESSION_VERSION}` }),
    image: imageSchema,
    hints,
    global: globalSchema,
    vividness: numberIn(0, 1),
    reference: referenceSchema.optional(),
  },
  notASession,
);

export const sessionV2Schema: z.ZodType<SessionV2> = z.strictObject(
  {
    format,
    version: z.literal(2, { error: 'expected 2' }),
    image: imageSchema,
    hints: plainHints,
    global: globalSchema,
    vividness: numberIn(0, 1),
  },
  notASession,
);

export const sessionV1Schema: z.ZodType<SessionV1> = z.strictObject(
  {
    format,
    version: z.literal(1, { error: 'expected 1' }),
    image: imageSchema,
    hints: plainHints,
    global: globalSchema,
  },
  notASession,
);
