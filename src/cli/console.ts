/** Where the CLI prints: the real streams, or a buffer in tests. */
export interface Console {
  out(s: string): void;
  err(s: string): void;
}

export const realConsole: Console = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};
