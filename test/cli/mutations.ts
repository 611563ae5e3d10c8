/**
 * Mutations of valid files for the fuzz test: text edits (cut, insert tokens, extreme numbers,
 * deep nesting, repetition) and value edits (a random node replaced by random or extreme JSON).
 */
import fc from 'fast-check';

const TOKENS = [
  '[',
  ']',
  '{',
  '}',
  ',',
  ':',
  '"',
  '\\',
  'null',
  'true',
  '-',
  '.',
  'e',
  '\u0000',
  '\ud800',
  '#',
  '\n',
  '\r\n',
  '  ',
];
const EXTREME_NUMBERS = [
  '1e308',
  '-1e308',
  '1e400',
  '-1e400',
  '1e20',
  '-1e300',
  '-0',
  '5e-324',
  '65536',
  '4294967297',
  '9007199254740993',
  '0.5',
  '1e-7',
];
const EXTREME_VALUES: unknown[] = [
  1e308,
  -1e308,
  1e20,
  -1e300,
  0,
  -1,
  65536,
  2 ** 53,
  5e-324,
  '',
  'x'.repeat(1000),
  null,
  [],
  {},
  [[1e300, -1e300]],
  true,
];

export type TextMutation =
  | { kind: 'cut'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'nest'; at: number; depth: number }
  | { kind: 'repeat'; at: number; length: number; times: number };

const at = fc.nat();
export const textMutationArb: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at, length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at,
    text: fc.oneof(fc.constantFrom(...TOKENS, ...EXTREME_NUMBERS), fc.string({ maxLength: 8 })),
  }),
  fc.record({
    kind: fc.constant('nest' as const),
    at,
    depth: fc.integer({ min: 1, max: 100_000 }),
  }),
  fc.record({
    kind: fc.constant('repeat' as const),
    at,
    length: fc.integer({ min: 1, max: 30 }),
    times: fc.integer({ min: 2, max: 300 }),
  }),
);

export function applyText(text: string, m: TextMutation): string {
  const i = text.length === 0 ? 0 : m.at % (text.length + 1);
  switch (m.kind) {
    case 'cut':
      return text.slice(0, i) + text.slice(i + m.length);
    case 'insert':
      return text.slice(0, i) + m.text + text.slice(i);
    case 'nest':
      return text.slice(0, i) + '['.repeat(m.depth) + text.slice(i);
    case 'repeat':
      return text.slice(0, i) + text.slice(i, i + m.length).repeat(m.times) + text.slice(i);
  }
}

/** A node of a parsed value chosen by `pick`, replaced by `replacement`. */
export function replaceNode(value: unknown, pick: number[], replacement: unknown): unknown {
  if (pick.length === 0 || value === null || typeof value !== 'object') return replacement;
  const keys = Object.keys(value);
  if (keys.length === 0) return replacement;
  const key = keys[pick[0] % keys.length];
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string, unknown>;
  copy[key] = replaceNode((value as Record<string, unknown>)[key], pick.slice(1), replacement);
  return copy;
}

export const valueMutationArb = fc.record({
  pick: fc.array(fc.nat(), { maxLength: 6 }),
  replacement: fc.oneof(fc.constantFrom(...EXTREME_VALUES), fc.jsonValue({ maxDepth: 3 })),
});

/** JSON text or JSON Lines: one line's value edited (lines that are not JSON are kept). */
function mutateOneLine(text: string, pick: number[], replacement: unknown): string {
  const lines = text.split('\n');
  const k = (pick[0] ?? 0) % lines.length;
  try {
    lines[k] = JSON.stringify(replaceNode(JSON.parse(lines[k]), pick.slice(1), replacement));
  } catch {
    // A comment or blank line: the text edits still apply.
  }
  return lines.join('\n');
}

/** A mutated copy of `seed` (JSON text): one value edit, then up to four text edits. */
export function mutatedTextArb(seeds: string[]): fc.Arbitrary<string> {
  return fc
    .record({
      seed: fc.constantFrom(...seeds),
      value: fc.option(valueMutationArb, { freq: 2 }),
      edits: fc.array(textMutationArb, { maxLength: 4 }),
    })
    .map(({ seed, value, edits }) => {
      let text = seed;
      if (value) text = mutateOneLine(seed, value.pick, value.replacement);
      for (const edit of edits) text = applyText(text, edit);
      return text;
    });
}
