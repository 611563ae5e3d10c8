import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeProject } from '../../src/core/project/projectFile';
import { emptySession, parseSession } from '../../src/core/session';
import { type Fixtures, makeFixtures } from './fixtures';
import { isOneLineError, runInProcess, TINY_MODEL } from './run';

let f: Fixtures;
let project: string;
const at = (name: string) => path.join(f.dir, name);
const tiny = ['--model', TINY_MODEL, '--backend', 'cpu'];

beforeAll(async () => {
  f = await makeFixtures();
  const session = parseSession(await readFile(f.session, 'utf8'));
  const photo = { name: 'grey.png', type: 'image/png', bytes: await readFile(f.grey) };
  project = at('work.tintype');
  await writeFile(project, writeProject({ photo, session }));
  await writeFile(
    at('wrong-size.tintype'),
    writeProject({ photo, session: emptySession({ width: 10, height: 10, name: 'x' }) }),
  );
  const bytes = await readFile(project);
  await writeFile(at('truncated.tintype'), bytes.subarray(0, bytes.length - 40));
});
afterAll(async () => {
  await rm(f.dir, { recursive: true, force: true });
});

describe('tintype colorize <project.tintype>', () => {
  it('renders the project exactly as its photo with its session', async () => {
    const fromProject = await runInProcess(['colorize', project, '--out', at('p.png'), ...tiny]);
    expect(fromProject.stderr).toBe('');
    expect(fromProject.code).toBe(0);
    const separate = await runInProcess([
      'colorize',
      f.grey,
      '--session',
      f.session,
      '--out',
      at('s.png'),
      ...tiny,
    ]);
    expect(separate.code).toBe(0);
    expect((await readFile(at('p.png'))).equals(await readFile(at('s.png')))).toBe(true);
  });

  it('the default output is <name>-colorized.png next to the project', async () => {
    const r = await runInProcess(['colorize', project, ...tiny]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`wrote ${at('work-colorized.png')}`);
  });

  it.each([
    ['truncated.tintype', [], /truncated\.tintype: damaged or truncated project file/],
    [
      'wrong-size.tintype',
      [],
      /wrong-size\.tintype: its session is for a 10×10 image but its photo is 48×32/,
    ],
    [
      'work.tintype',
      ['--session', 'x.json'],
      /work\.tintype: a project file carries its own session/,
    ],
  ])('%s %j: one line naming the file and the problem', async (name, extra, message) => {
    const r = await runInProcess([
      'colorize',
      at(name),
      ...extra,
      '--out',
      at('never.png'),
      ...tiny,
    ]);
    expect(r.code).toBe(1);
    expect(isOneLineError(r.stderr)).toBe(true);
    expect(r.stderr).toMatch(message);
  });
});
