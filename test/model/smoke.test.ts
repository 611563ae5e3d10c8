// Smoke test of the whole model pipeline: a few training steps (Python/PyTorch) on the committed
// CC0 photos of test/fixtures/smoke (no training data outside the repository needed), export to a temp dir, load the
// export in TF.js and check it against its own parity fixture.
// Skipped only when PyTorch is missing locally AND TINTYPE_REQUIRE_TORCH is unset (CI sets it).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadExportedModel, predict } from './load-model';

const root = join(import.meta.dirname, '..', '..');
/** The exporter's parity photo: the first of the fixture's validation shard. */
const PARITY_TAR = join('test', 'fixtures', 'smoke', 'clothing64-01.tar');
const python = '/usr/bin/python3';
const hasTorch = spawnSync(python, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;
const required = Boolean(process.env.TINTYPE_REQUIRE_TORCH);
if (!hasTorch && !required) {
  console.warn(
    `model smoke test SKIPPED: "${python} -c 'import torch'" failed and TINTYPE_REQUIRE_TORCH is unset`,
  );
}

function runPython(args: string[]): string {
  const r = spawnSync(python, args, { cwd: root, encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) {
    throw new Error(`${python} ${args.join(' ')} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  }
  return r.stdout;
}

/** Exports `weights` into `dir` and checks TF.js against the exporter's own parity fixture. */
async function exportAndCheck(weights: string, dir: string): Promise<{ steps: number }> {
  const fixturePath = fixtureOf(weights, dir);
  const { model, json } = await loadExportedModel(dir);
  const fixture = JSON.parse(readFileSync(fixturePath, 'utf8'));
  const c = fixture.cases[0];
  const out = predict(model, c.local, c.localShape, c.global);
  expect(out.abShape).toEqual(c.abShape);
  let maxDiff = 0;
  for (let i = 0; i < out.ab.length; i++)
    maxDiff = Math.max(maxDiff, Math.abs(out.ab[i] - c.ab[i]));
  expect(maxDiff).toBeLessThanOrEqual(fixture.abTolerance);
  return json.userDefinedMetadata.tintype.training as { steps: number };
}

/** Exports `weights` into `dir`; returns the path of the parity fixture written beside it. */
function fixtureOf(weights: string, dir: string): string {
  const fixturePath = join(dir, 'parity.json');
  runPython([
    'model/export_tfjs.py',
    '--weights',
    weights,
    '--out',
    dir,
    '--fixture',
    fixturePath,
    '--parity-tar',
    PARITY_TAR,
  ]);
  return fixturePath;
}

describe.skipIf(!hasTorch && !required)('model pipeline smoke test (CC0 fixture)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'tintype-smoke-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('trains a few steps, exports, and the export runs in TF.js like PyTorch', async () => {
    const trainLog = runPython([
      'model/train.py',
      '--config',
      'model/configs/ci-smoke.json',
      '--runs-dir',
      tmp,
    ]);
    expect(trainLog).toContain('"event": "end"');
    expect(trainLog).toContain('"rgb":'); // the sRGB loss term ran (ci-smoke sets rgb_weight)
    // A mid-run snapshot of the finished run's checkpoint is the EMA that weights.pt holds.
    const snap = join(tmp, 'snapshot.pt');
    runPython(['model/snapshot.py', join(tmp, 'ci-smoke', 'last.pt'), snap]);
    const same = runPython([
      '-c',
      'import sys, torch; a = torch.load(sys.argv[1])["state_dict"]; b = torch.load(sys.argv[2])["state_dict"]; ' +
        'print("same" if a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a) else "differ")',
      join(tmp, 'ci-smoke', 'weights.pt'),
      snap,
    ]);
    expect(same.trim()).toBe('same');
    // snapshot_every 3: train.py kept what it would ship at steps 3 and 6; step 6 is the end.
    const stepSame = runPython([
      '-c',
      'import sys, torch; a = torch.load(sys.argv[1]); b = torch.load(sys.argv[2]); c = torch.load(sys.argv[3]); ' +
        'eq = lambda x, y: all(torch.equal(x["state_dict"][k], y["state_dict"][k]) for k in x["state_dict"]); ' +
        'print(eq(a, b), eq(a, c), b["training"]["steps"], c["training"]["steps"], b["arch"])',
      join(tmp, 'ci-smoke', 'weights.pt'),
      join(tmp, 'ci-smoke', 'snaps', 'step-6.pt'),
      join(tmp, 'ci-smoke', 'snaps', 'step-3.pt'),
    ]);
    expect(stepSame.trim()).toBe("True False 6 3 {'context': 32}");
    const training = await exportAndCheck(join(tmp, 'ci-smoke', 'weights.pt'), join(tmp, 'export'));
    expect(training.steps).toBeGreaterThan(0);
  }, 300_000);

  it('exports the context branch (ci-smoke has one) so that TF.js computes it like PyTorch', async () => {
    // Six steps leave the zero-initialised layers near zero; give them weights that matter.
    const weights = join(tmp, 'ci-smoke', 'weights.pt');
    const loud = join(tmp, 'context.pt');
    runPython([
      '-c',
      'import sys, torch; w = torch.load(sys.argv[1]); assert w["arch"]["context"] > 0, w["arch"]; ' +
        'torch.manual_seed(0); sd = w["state_dict"]; ' +
        'sd["c2.weight"] = torch.randn_like(sd["c2.weight"]) * 0.5; torch.save(w, sys.argv[2])',
      weights,
      loud,
    ]);
    const a = readFileSync(fixtureOf(weights, join(tmp, 'quiet')), 'utf8');
    await exportAndCheck(loud, join(tmp, 'loud'));
    const b = readFileSync(join(tmp, 'loud', 'parity.json'), 'utf8');
    expect(b).not.toEqual(a); // the branch changed the outputs that TF.js just matched
  }, 300_000);

  it('soups two weights files into their mean, exportable, and refuses mismatched ones', async () => {
    // Uses the two files the tests above wrote: the trained weights and the loud-context copy.
    const weights = join(tmp, 'ci-smoke', 'weights.pt');
    const loud = join(tmp, 'context.pt');
    const soup = join(tmp, 'soup.pt');
    expect(runPython(['model/soup.py', soup, weights, loud])).toContain('soup(ci-smoke, ci-smoke)');
    const check = runPython([
      '-c',
      'import sys, torch; s, a, b = (torch.load(p) for p in sys.argv[1:4]); ' +
        'ok = all(torch.allclose(s["state_dict"][k], (a["state_dict"][k] + b["state_dict"][k]) / 2) for k in a["state_dict"]); ' +
        'print("mean" if ok and s["arch"] == a["arch"] and len(s["training"]["history"]) == 2 else "wrong")',
      soup,
      weights,
      loud,
    ]);
    expect(check.trim()).toBe('mean');
    await exportAndCheck(soup, join(tmp, 'soup'));
    // A file of another architecture (no context branch) is named in the error.
    const plain = join(tmp, 'plain.pt');
    runPython([
      '-c',
      'import sys, torch; w = torch.load(sys.argv[1]); w["arch"] = {"context": 0}; ' +
        'w["state_dict"] = {k: v for k, v in w["state_dict"].items() if k.split(".")[0] not in ("c1", "c2")}; torch.save(w, sys.argv[2])',
      weights,
      plain,
    ]);
    const r = spawnSync(python, ['model/soup.py', join(tmp, 'bad.pt'), weights, plain], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`soup: ${plain} is arch {'context': 0}`);
  }, 300_000);
});
