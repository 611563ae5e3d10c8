import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MODEL,
  defaultOutPath,
  parseBatchArgs,
  parseColorizeArgs,
  wantsHelp,
} from '../../src/cli/args';
import { UsageError } from '../../src/cli/errors';
import { parseManifest } from '../../src/cli/manifest';

function usageError(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(2);
    return error as UsageError;
  }
  throw new Error('expected a UsageError');
}

describe('colorize arguments', () => {
  it('defaults: wasm, guided, shipped model, <name>-colorized.png next to the input', () => {
    const args = parseColorizeArgs(['photos/lincoln.jpg']);
    expect(args).toMatchObject({
      backend: 'wasm',
      method: 'guided',
      size: undefined,
      session: undefined,
    });
    expect(args.model).toBe(DEFAULT_MODEL);
    expect(args.out).toBe(path.join('photos', 'lincoln-colorized.png'));
  });

  it('reads every flag', () => {
    const args = parseColorizeArgs([
      'a.png',
      '--session',
      's.json',
      '--out',
      'o.png',
      '--size',
      '320',
      '--backend',
      'cpu',
      '--model',
      'm/model.json',
      '--method',
      'bilinear',
    ]);
    expect(args).toMatchObject({
      image: 'a.png',
      session: 's.json',
      out: 'o.png',
      size: 320,
      backend: 'cpu',
      method: 'bilinear',
    });
    expect(args.model).toBe(path.resolve('m/model.json'));
  });

  it('rejects unknown flags, bad values and wrong positional counts as usage errors', () => {
    expect(usageError(() => parseColorizeArgs(['a.png', '--colour', 'red'])).message).toMatch(
      /--colour/,
    );
    expect(usageError(() => parseColorizeArgs(['a.png', '--backend', 'webgl'])).message).toMatch(
      /--backend must be one of wasm, cpu, got "webgl"/,
    );
    expect(usageError(() => parseColorizeArgs(['a.png', '--method', 'nearest'])).message).toMatch(
      /--method/,
    );
    for (const size of ['100', '0', '2048', 'big', '16.0']) {
      expect(usageError(() => parseColorizeArgs(['a.png', '--size', size])).message).toMatch(
        /--size must be a multiple of 16/,
      );
    }
    expect(usageError(() => parseColorizeArgs([])).message).toMatch(/missing image/);
    expect(usageError(() => parseColorizeArgs(['a.png', 'b.png'])).message).toMatch(
      /got 2 arguments/,
    );
    expect(usageError(() => parseColorizeArgs(['a.png', '--out'])).message).toMatch(/--out/);
  });

  it('batch takes one manifest and the model flags', () => {
    expect(parseBatchArgs(['m.jsonl', '--size', '512'])).toMatchObject({
      manifest: 'm.jsonl',
      size: 512,
    });
    expect(usageError(() => parseBatchArgs(['m.jsonl', '--out', 'x'])).message).toMatch(/--out/);
  });

  it('help is recognised anywhere on the line', () => {
    expect(wantsHelp(['a.png', '-h'])).toBe(true);
    expect(wantsHelp(['--bogus', '--help'])).toBe(true);
    expect(wantsHelp(['a.png'])).toBe(false);
  });

  it('default output keeps the directory and drops the extension', () => {
    expect(defaultOutPath('/x/y/photo.final.jpeg')).toBe('/x/y/photo.final-colorized.png');
  });
});

describe('batch manifest', () => {
  const text = [
    '{"image": "a.jpg", "out": "out/a.png"}',
    '',
    '{"image": "b.png", "session": "b.json"}',
    '{"image": "c.png", "out": "c.png"',
    '["d.png"]',
    '{"image": "", "out": "e.png"}',
    '{"image": "f.png", "outt": "f.png"}',
  ].join('\n');
  const lines = parseManifest(text, '/data/batch/manifest.jsonl');

  it('resolves paths against the manifest directory and defaults out', () => {
    expect(lines[0]).toEqual({
      line: 1,
      job: { image: '/data/batch/a.jpg', session: undefined, out: '/data/batch/out/a.png' },
    });
    expect(lines[1]).toEqual({
      line: 3,
      job: {
        image: '/data/batch/b.png',
        session: '/data/batch/b.json',
        out: '/data/batch/b-colorized.png',
      },
    });
  });

  it('turns each bad line into an error with its 1-based line number, skipping blanks', () => {
    expect(lines.map((l) => l.line)).toEqual([1, 3, 4, 5, 6, 7]);
    expect(lines[2].error).toMatch(/not valid JSON/);
    expect(lines[3].error).toMatch(/expected a JSON object/);
    expect(lines[4].error).toMatch(/"image" must be a non-empty string/);
    expect(lines[5].error).toMatch(/unknown key "outt"/);
  });

  it('keeps a JSON error one line when the line holds a lone carriage return', () => {
    const [bad] = parseManifest(':null\r[', '/data/m.jsonl');
    expect(bad.error).toMatch(/not valid JSON/);
    expect(bad.error).not.toMatch(/[\r\n]/);
    expect(bad.error).toContain('\\u000d');
  });
});
