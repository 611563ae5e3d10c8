/**
 * Errors the command line reports as one line on stderr, never as a stack trace.
 * A `UsageError` means the command itself was wrong (exit 2); an `InputError` means a file the
 * user pointed at could not be used (exit 1).
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2);
  }
}

export class InputError extends CliError {
  constructor(message: string) {
    super(message, 1);
  }
}

/** The first line of an error's message: library errors sometimes carry multi-line detail. */
export function errorMessage(error: unknown): string {
  const raw =
    error instanceof Error
      ? error.message
      : typeof error === 'object' && error !== null && 'message' in error
        ? String((error as { message: unknown }).message)
        : String(error);
  const firstLine = raw.split('\n').find((line) => line.trim() !== '') ?? raw;
  return firstLine.trim() || 'unknown error';
}

/** The exit status for an error thrown out of a command: usage 2, everything else 1. */
export function exitCodeOf(error: unknown): 1 | 2 {
  return error instanceof CliError ? error.exitCode : 1;
}
