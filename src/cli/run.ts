import { Console, realConsole } from './console';
import { diag } from '../diagnostics/catalog';
import { OUTPUT_FORMATS, OutputFormat } from '../diagnostics/output';
import { Invocation, quickParse, splitAttachedValues, unknownOptions } from './command-line';
import { suggestFor } from './suggest';
import { report, Reporter } from './report';
import * as path from 'path';
import { cacheDir } from '../paths';
import { fileStamp, useStampedStore } from '../stamped-store';

export { unknownOptions } from './command-line';
export { suggestFor } from './suggest';

export const EXIT = { ok: 0, stale: 1, error: 2 } as const;

/** Parses argv and runs one command; returns the exit code. The only place that knows about the process. */
export async function run(given: string[], io: Console = realConsole): Promise<number> {
  keepResults();
  const argv = splitAttachedValues(given);
  const formatAt = argv.findIndex((a) => a === '--format' || a.startsWith('--format='));
  const formatWord = formatAt < 0 ? 'text' : argv[formatAt].includes('=') ? argv[formatAt].slice(9) : argv[formatAt + 1];
  const format: OutputFormat = (OUTPUT_FORMATS as readonly string[]).includes(formatWord) ? (formatWord as OutputFormat) : 'text';
  const rep = new Reporter(io, format);
  const unknown = unknownOptions(argv);
  if (unknown.length) {
    const text = `Unknown argument${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`;
    const d = diag('NMG0001', undefined, { what: suggestFor(text, argv) ?? text });
    report([{ ...d, help: `${text}; run natmodgen --help` }], rep, new Map());
    rep.flush();
    return EXIT.error;
  }
  // The plain command lines of every save and build skip loading yargs; yargs reads the rest.
  let invocation = quickParse(argv);
  if (!invocation) {
    const { parseWithYargs } = await import('./yargs-parse');
    const parsed = await parseWithYargs(argv, io, rep);
    if (!parsed.invocation) {
      rep.flush();
      return parsed.failed ? EXIT.error : EXIT.ok;
    }
    invocation = parsed.invocation;
  }
  const code = await dispatch(invocation, io, rep);
  rep.flush();
  return code;
}

/**
 * The bundle (the package's bin) keeps what its cold starts would compute again from unchanged
 * files in the cache folder (src/stamped-store.ts), stamped with the bundle itself.
 */
function keepResults(): void {
  if (path.basename(__filename) !== 'natmodgen-cli.js') return;
  const dir = cacheDir();
  const code = fileStamp(__filename);
  if (dir && code !== '-') useStampedStore({ dir, code });
}

/** Runs the command an invocation names. Each command's module is loaded when that command runs. */
async function dispatch(inv: Invocation, io: Console, rep: Reporter): Promise<number> {
  switch (inv.command) {
    case 'gen': {
      const { genCommand } = await import('./gen');
      return genCommand(inv.args, rep);
    }
    case 'sync': {
      const { readStdin, syncCommand } = await import('./sync');
      return syncCommand({ ...inv.args, stdinText: inv.stdin ? readStdin() : undefined }, rep);
    }
    case 'name': {
      const { nameCommand } = await import('./name');
      return nameCommand(inv.files, rep, inv.defines ?? []);
    }
    case 'makefile': {
      const { makefileCommand } = await import('./makefile-path');
      return makefileCommand(rep);
    }
    case 'init': {
      const { initCommand } = await import('./init');
      return initCommand(inv.args, rep);
    }
    case 'build': {
      const { buildCommand } = await import('./build');
      return buildCommand(inv.args, rep);
    }
    case 'lsp': {
      const { lspCommand } = await import('./lsp');
      return lspCommand(io);
    }
  }
}
