// Runs model/selftest.py: Lab formulas, bin table, TF 'same' padding, simulated users, budget.
// Same skip rule as the smoke test: only when PyTorch is missing and TINTYPE_REQUIRE_TORCH is unset.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const python = '/usr/bin/python3';
const hasTorch = spawnSync(python, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;
const required = Boolean(process.env.TINTYPE_REQUIRE_TORCH);

describe.skipIf(!hasTorch && !required)('model/selftest.py', () => {
  it('passes', () => {
    const r = spawnSync(python, ['model/selftest.py'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.stdout).toContain('selftest ok');
    expect(r.status, r.stderr).toBe(0);
  }, 120_000);
});
