/** A message over the stage: errors stay until dismissed or replaced. */
export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

export const errorText = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
