// Runs the evaluation's own Python checks (model/eval/test_*.py: Levin et al. solver, protocol,
// run comparison). They need numpy/scipy (installed by .ci/system-deps), not PyTorch; skipped
// only where scipy is missing and TINTYPE_REQUIRE_TORCH is unset, like the other model tests.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const python = '/usr/bin/python3';
const hasScipy = spawnSync(python, ['-c', 'import scipy'], { stdio: 'ignore' }).status === 0;
const required = Boolean(process.env.TINTYPE_REQUIRE_TORCH);
const files = readdirSync(join(root, 'model', 'eval')).filter((f) => /^test_.*\.py$/.test(f));

describe.skipIf(!hasScipy && !required)('model/eval Python checks', () => {
  it('finds the test files', () => {
    expect(files).toEqual(expect.arrayContaining(['test_compare.py', 'test_levin.py']));
  });
  it.each(files)(
    '%s passes',
    (file) => {
      const r = spawnSync(python, [join('model', 'eval', file)], {
        cwd: root,
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
      expect(r.stdout).toMatch(/\d+ passed/);
    },
    60_000,
  );
});
