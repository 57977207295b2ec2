/**
 * Runs the CLI in-process with a given standard input. `natmodgen sync --stdin` reads fd 0
 * with fs.readFileSync(0); inside jest that is the worker's own stdin, so the read of fd 0
 * (and only that) is answered with `stdin` for the duration of the run.
 */
import type * as FsModule from 'fs';
import { CliResult, runCli } from '../support/cli';

// The module object itself: `import * as fs` gives a namespace of read-only getters over it,
// and src/ (compiled the same way) reads readFileSync through such getters at call time.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fs: typeof FsModule = require('fs');

export async function runCliWithStdin(args: string[], cwd: string, stdin: string): Promise<CliResult & { stdinReads: number }> {
  const real = fs.readFileSync;
  let stdinReads = 0;
  fs.readFileSync = ((file: FsModule.PathOrFileDescriptor, options?: unknown) => {
    if (file === 0 || file === '/dev/stdin') {
      stdinReads++;
      const enc = typeof options === 'string' ? options : (options as { encoding?: string } | undefined)?.encoding;
      return enc ? stdin : Buffer.from(stdin, 'utf8');
    }
    return (real as (f: FsModule.PathOrFileDescriptor, o?: unknown) => string | Buffer)(file, options);
  }) as typeof fs.readFileSync;
  try {
    const r = await runCli(args, cwd);
    return { ...r, stdinReads };
  } finally {
    fs.readFileSync = real;
  }
}
