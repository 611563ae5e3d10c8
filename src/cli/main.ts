import { pathToFileURL } from 'node:url';
import { runBatch } from './commands/batch';
import { runColorize } from './commands/colorize';
import { errorMessage, exitCodeOf, UsageError } from './errors';
import { TOP_HELP } from './help';
import { ProgressLine } from './progress';

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  colorize: runColorize,
  batch: (argv) =>
    runBatch(
      argv,
      (line) => process.stderr.write(`${line}\n`),
      // A self-rewriting status line only where someone watches it; logs get one line per photo.
      process.stderr.isTTY ? new ProgressLine((text) => process.stderr.write(text)) : null,
    ),
};

/** Dispatches to a command; every failure becomes one line on stderr and an exit status. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      (command === undefined ? process.stderr : process.stdout).write(`${TOP_HELP}\n`);
      return command === undefined ? 2 : 0;
    }
    const run = COMMANDS[command];
    if (!run) {
      throw new UsageError(
        `unknown command "${command}" (expected colorize or batch; see 'tintype --help')`,
      );
    }
    return await run(rest);
  } catch (error) {
    process.stderr.write(`tintype: ${errorMessage(error)}\n`);
    return exitCodeOf(error);
  }
}

// Run only as the entry point (tests import main). Set the exit code rather than calling
// process.exit so pending stdout/stderr writes flush.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
