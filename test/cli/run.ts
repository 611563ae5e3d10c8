/** Runs the CLI: in-process through main() (fast) or as a real process (exit code, stderr). */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { vi } from 'vitest';
import { main } from '../../src/cli/main';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const TINY_MODEL = path.join(ROOT, 'test/fixtures/tiny-model/model.json');
export const REAL_MODEL = path.join(ROOT, 'public/models/tintype/model.json');
export const hasRealModel = existsSync(REAL_MODEL);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runInProcess(argv: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

export function runProcess(argv: string[]): CliResult {
  const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
  const result = spawnSync(tsx, ['src/cli/main.ts', ...argv], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.error) throw result.error;
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The CLI's error contract: exactly one line, naming what it should, and no stack frames. */
export function isOneLineError(stderr: string): boolean {
  const lines = stderr.split('\n').filter((line) => line.trim() !== '');
  return lines.length === 1 && !/^\s+at /m.test(stderr) && lines[0].startsWith('tintype: ');
}
