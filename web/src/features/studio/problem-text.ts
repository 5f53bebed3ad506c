/** The message of a refusal: the server's Vietnamese detail (with the engine's reason when the engine refused). */
export const problemText = (error: unknown, fallback: string): string =>
  error instanceof Error && error.message ? error.message : fallback;
