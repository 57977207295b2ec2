import yargs from 'yargs';
import { Console, realConsole } from './console';
import { ARCHES } from '../init/scaffold';

// Each command's module is loaded when that command runs: start-up pays only for what it uses.
import { diag } from '../diagnostics/catalog';
import { OUTPUT_FORMATS, OutputFormat } from '../diagnostics/output';
import { closest } from './checks';
import { report, Reporter } from './report';

export const EXIT = { ok: 0, stale: 1, error: 2 } as const;

/** Commands and their options (long names and aliases), for "did you mean". */
const COMMAND_OPTIONS: Record<string, string[]> = {
  gen: ['output', 'o', 'define', 'D', 'include', 'I', 'mpy-dir', 'line-base'],
  sync: ['define', 'D', 'check', 'diff', 'force', 'stdin', 'stdin-filepath', 'mpy-dir', 'include', 'I'],
  build: ['output', 'o', 'define', 'D', 'include', 'I', 'mpy-dir', 'arch', 'package', 'jobs', 'j', 'float-impl'],
  name: [],
  makefile: [],
  init: ['force', 'f', 'from', 'mpy-dir', 'arch'],
  lsp: ['stdio'],
};
const GLOBAL_OPTIONS = ['help', 'version', 'format'];

/** The command word: the first word that is neither an option nor the value of a global `--format`. */
function commandWord(argv: string[]): string | undefined {
  return argv.find((a, i) => !a.startsWith('-') && argv[i - 1] !== '--format');
}

/** Options on the command line that the command does not know, checked before yargs reads any of them as values. */
export function unknownOptions(argv: string[]): string[] {
  const command = commandWord(argv);
  const known = new Set([...GLOBAL_OPTIONS, ...(command && command in COMMAND_OPTIONS ? COMMAND_OPTIONS[command] : [])]);
  const out: string[] = [];
  for (const a of argv) {
    if (a === '--') break;
    if (!a.startsWith('--') || a === '--') continue;
    const name = a.slice(2).replace(/=.*$/, '');
    if (!known.has(name) && !(name.startsWith('no-') && known.has(name.slice(3)))) out.push(name);
  }
  return out;
}

/** The words of a yargs "Unknown argument(s)" message, each with a suggestion when one is close. */
export function suggestFor(msg: string, argv: string[]): string | undefined {
  const m = /^Unknown arguments?: (.*)$/.exec(msg);
  if (!m) return undefined;
  const command = commandWord(argv);
  const known = command && command in COMMAND_OPTIONS;
  const hints: string[] = [];
  for (const word of m[1].split(', ')) {
    const dashed = argv.find((a) => a.replace(/^-+/, '').replace(/=.*$/, '') === word && a.startsWith('-'));
    if (!known && !dashed) {
      const c = closest(word, Object.keys(COMMAND_OPTIONS));
      hints.push(c ? `'${word}' is not a command; did you mean '${c}'?` : `'${word}' is not a command`);
      continue;
    }
    if (!dashed) {
      hints.push(`'${word}': ${command} takes no such argument`);
      continue;
    }
    const opts = [...(known ? COMMAND_OPTIONS[command] : []), ...GLOBAL_OPTIONS];
    if ((OUTPUT_FORMATS as readonly string[]).includes(word)) {
      hints.push(`unknown option '${dashed}'; did you mean '--format ${word}'?`);
      continue;
    }
    const c = closest(
      word,
      opts.filter((o) => o.length > 1),
    );
    hints.push(
      c ? `unknown option '${dashed.replace(/=.*$/, '')}'; did you mean '--${c}'?` : `unknown option '${dashed.replace(/=.*$/, '')}'`,
    );
  }
  return hints.join('; ');
}

/** Parses argv and runs one command; returns the exit code. The only place that knows about the process. */
export async function run(argv: string[], io: Console = realConsole): Promise<number> {
  let code: number = EXIT.ok;
  let failed = false;
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
  const parser = yargs(argv)
    .scriptName('natmodgen')
    .usage('$0 <command> [options]\n\nTurn MicroPython user C module sources into dynamic native modules (.mpy).')
    .option('format', {
      choices: OUTPUT_FORMATS,
      default: 'text' as OutputFormat,
      describe: 'diagnostics as text (stderr), or one json or sarif document (stdout)',
    })
    .command(
      'gen [files..]',
      'generate natmod translation units from user C module sources',
      (y) =>
        y
          .positional('files', { type: 'string', array: true, describe: 'the .c files of one module' })
          .option('output', { alias: 'o', type: 'string', describe: 'output folder (one file per input, same name)' })
          .option('define', { alias: 'D', type: 'string', requiresArg: true, describe: 'NAME[=VALUE], as for the compiler (repeatable)' })
          .option('mpy-dir', { type: 'string', describe: 'MicroPython source tree: report calls a natmod cannot link (default: $MPY_DIR)' })
          .option('include', {
            alias: 'I',
            type: 'string',
            requiresArg: true,
            describe: "folder searched for the module's headers (repeatable)",
          })
          .option('line-base', {
            type: 'string',
            requiresArg: true,
            describe: 'write the paths in #line relative to this folder, where the compiler runs (default: the output folder)',
          })
          .example('$0 gen -o build/gen examples/functions/functions.c', 'write build/gen/functions.c')
          .example('$0 gen examples/functions/functions.c', 'print the generated file')
          .example('$0 gen -D MICROPY_PY_HEAPQ=1 -o gen $MPY_DIR/extmod/modheapq.c', 'convert an extmod module with its feature flag'),
      async (args) => {
        if (failed) return;
        const { genCommand } = await import('./gen');
        const defines = ([] as unknown[]).concat(args.define ?? []).map(String);
        const includeDirs = ([] as unknown[]).concat(args.include ?? []).map(String);
        code = genCommand(
          { files: args.files ?? [], output: args.output, defines, mpyDir: args['mpy-dir'], includeDirs, lineBase: args['line-base'] },
          rep,
        );
      },
    )
    .command(
      'sync [files..]',
      'rewrite sources in place so each builds both as a user C module and as a natmod',
      (y) =>
        y
          .positional('files', { type: 'string', array: true, describe: 'the .c files of one module' })
          .option('define', { alias: 'D', type: 'string', requiresArg: true, describe: 'NAME[=VALUE], as for the compiler (repeatable)' })
          .option('check', { type: 'boolean', default: false, describe: 'write nothing; exit 1 when a file is not in sync' })
          .option('diff', {
            type: 'boolean',
            default: false,
            describe: 'write nothing; print the change as a unified diff (exit 1 when there is one)',
          })
          .option('force', { type: 'boolean', default: false, describe: 'regenerate blocks that were edited by hand' })
          .option('stdin', { type: 'boolean', default: false, describe: 'read the source from stdin, write the result to stdout' })
          .option('stdin-filepath', { type: 'string', describe: 'the path the stdin text belongs to' })
          .option('mpy-dir', { type: 'string', describe: 'MicroPython source tree: report calls a natmod cannot link (default: $MPY_DIR)' })
          .option('include', {
            alias: 'I',
            type: 'string',
            requiresArg: true,
            describe: "folder searched for the module's headers (repeatable)",
          })
          .example('$0 sync examples/functions/functions.c', 'make the file dual-mode in place')
          .example('$0 sync --check src/*.c', 'exit 1 if any file needs syncing (CI)')
          .example('$0 sync --stdin --stdin-filepath mod.c < mod.c', 'format-on-save: result on stdout'),
      async (args) => {
        if (failed) return;
        const { readStdin, syncCommand } = await import('./sync');
        code = syncCommand(
          {
            files: args.files ?? [],
            defines: ([] as unknown[]).concat(args.define ?? []).map(String),
            check: args.check,
            diff: args.diff,
            force: args.force,
            stdinText: args.stdin ? readStdin() : undefined,
            stdinFilepath: args['stdin-filepath'],
            mpyDir: args['mpy-dir'],
            includeDirs: ([] as unknown[]).concat(args.include ?? []).map(String),
          },
          rep,
        );
      },
    )
    .command(
      'name <files..>',
      'print the module name registered by MP_REGISTER_MODULE',
      (y) => y.positional('files', { type: 'string', array: true }).example('$0 name examples/classes/classes.c', 'prints nmg_classes'),
      async (args) => {
        if (failed) return;
        const { nameCommand } = await import('./name');
        code = nameCommand((args.files as string[]) ?? [], rep);
      },
    )
    .command(
      'makefile',
      'print the path of natmodgen.mk, the Makefile fragment to include before dynruntime.mk',
      (y) => y.example('include $(shell natmodgen makefile)', 'in a Makefile, before include $(MPY_DIR)/py/dynruntime.mk'),
      async () => {
        if (failed) return;
        const { makefileCommand } = await import('./makefile-path');
        code = makefileCommand(rep);
      },
    )
    .command(
      'init <dir>',
      'write a Makefile that builds a user C module folder as a natmod, from its micropython.mk or micropython.cmake',
      (y) =>
        y
          .positional('dir', { type: 'string', describe: 'the user C module folder (or its micropython.mk / micropython.cmake)' })
          .option('force', { alias: 'f', type: 'boolean', default: false, describe: 'overwrite an existing Makefile' })
          .option('from', {
            choices: ['mk', 'cmake'] as const,
            describe: 'read micropython.mk or micropython.cmake (default: mk, then cmake)',
          })
          .option('mpy-dir', { type: 'string', describe: 'MicroPython tree to write as MPY_DIR (default: $MPY_DIR, else a placeholder)' })
          .option('arch', { choices: ARCHES, default: 'x64', describe: 'default ARCH in the Makefile' })
          .example('$0 init examples/functions', 'write examples/functions/Makefile'),
      async (args) => {
        if (failed) return;
        const { initCommand } = await import('./init');
        code = initCommand({ dir: args.dir as string, force: args.force, from: args.from, mpyDir: args['mpy-dir'], arch: args.arch }, rep);
      },
    )
    .command(
      'build [files..]',
      'convert and build the module for every natmod architecture with a toolchain (optionally packaged for mip)',
      (y) =>
        y
          .positional('files', { type: 'string', array: true, describe: 'the .c files of one module' })
          .option('output', {
            alias: 'o',
            type: 'string',
            describe: 'output folder: {MPY_ARCH}_{MPY_VERSION}/<module>.mpy per architecture',
          })
          .option('define', { alias: 'D', type: 'string', requiresArg: true, describe: 'NAME[=VALUE], as for the compiler (repeatable)' })
          .option('include', {
            alias: 'I',
            type: 'string',
            requiresArg: true,
            describe: 'extra include folder for the compiler (repeatable)',
          })
          .option('mpy-dir', { type: 'string', describe: 'MicroPython source tree with mpy-cross built (default: $MPY_DIR)' })
          .option('arch', { type: 'string', describe: 'architectures, comma-separated, or all (default: all with a toolchain)' })
          .option('package', { type: 'boolean', default: false, describe: 'also write package.json and a loader for mip' })
          .option('jobs', { alias: 'j', type: 'number', describe: 'architectures built at once (default: CPUs, at most 4)' })
          .option('float-impl', {
            type: 'string',
            choices: ['float', 'double'],
            describe:
              'floats on the architectures whose dynruntime.mk has none (xtensa, rv32imc, rv64imc): the firmware must have this MICROPY_FLOAT_IMPL',
          })
          .example('$0 build -o dist examples/functions/functions.c', 'dist/x64_6.3/nmg_functions.mpy, dist/armv7m_6.3/..., ...')
          .example('$0 build --arch x64,armv7m --package -o site mod.c', 'a folder to publish for mip'),
      async (args) => {
        if (failed) return;
        const { buildCommand } = await import('./build');
        code = await buildCommand(
          {
            files: args.files ?? [],
            output: args.output,
            defines: ([] as unknown[]).concat(args.define ?? []).map(String),
            includeDirs: ([] as unknown[]).concat(args.include ?? []).map(String),
            mpyDir: args['mpy-dir'],
            arch: args.arch,
            packageOutput: args.package,
            jobs: args.jobs,
            floatImpl: args['float-impl'] as 'float' | 'double' | undefined,
          },
          rep,
        );
      },
    )
    .command(
      'lsp',
      'run a Language Server Protocol server on stdin/stdout (diagnostics, formatting = sync, code actions)',
      (y) =>
        y
          .option('stdio', { type: 'boolean', default: true, describe: 'talk LSP over stdin/stdout (the only transport)' })
          .example('$0 lsp', 'started by an editor; see docs/editors.md'),
      async () => {
        const { lspCommand } = await import('./lsp');
        code = await lspCommand(io);
      },
    )
    .demandCommand(1, 'name a command: gen, sync, build, name, init, makefile or lsp')
    .strict()
    .help()
    .version()
    .exitProcess(false)
    .fail((msg, err, y) => {
      if (failed) return;
      failed = true;
      const text = msg ?? err?.message ?? 'invalid command line';
      const hint = suggestFor(text, argv);
      const d = diag('NMG0001', undefined, { what: hint ?? text });
      if (!argv.some((a) => a in COMMAND_OPTIONS)) y.showHelp((s: string) => io.err(`${s}\n`));
      report([{ ...d, help: hint ? `${text}; run natmodgen --help` : d.help }], rep, new Map());
      code = EXIT.error;
    });
  await parser.parseAsync();
  rep.flush();
  return code;
}
