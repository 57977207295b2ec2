#!/usr/bin/env node
import { run } from './run';

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`natmodgen: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.stderr.write('please report this with the input that caused it\n');
    process.exitCode = 70;
  },
);
