import yargs from 'yargs';
import { Console } from './console';
import { ARCHES } from '../init/scaffold';
import { diag } from '../diagnostics/catalog';
import { OUTPUT_FORMATS, OutputFormat } from '../diagnostics/output';
import { COMMAND_OPTIONS, Invocation } from './command-line';
import { suggestFor } from './suggest';
import { report, Reporter } from './report';

/**
 * Every command line, read by yargs: the commands, their options, help and version. Returns
 * what the line asks for, or undefined when yargs answered it itself (help, version) or
 * refused it (the error is reported through `rep`; then `failed()` is true).
 */
export async function parseWithYargs(argv: string[], io: Console, rep: Reporter): Promise<{ invocation?: Invocation; failed: boolean }> {
  let found: Invocation | undefined;
  let failed = false;
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
      (args) => {
        const defines = ([] as unknown[]).concat(args.define ?? []).map(String);
        const includeDirs = ([] as unknown[]).concat(args.include ?? []).map(String);
        found = {
          command: 'gen',
          format: args.format,
          args: {
            files: args.files ?? [],
            output: args.output,
            defines,
            mpyDir: args['mpy-dir'],
            includeDirs,
            lineBase: args['line-base'],
          },
        };
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
      (args) => {
        found = {
          command: 'sync',
          format: args.format,
          stdin: args.stdin,
          args: {
            files: args.files ?? [],
            defines: ([] as unknown[]).concat(args.define ?? []).map(String),
            check: args.check,
            diff: args.diff,
            force: args.force,
            stdinFilepath: args['stdin-filepath'],
            mpyDir: args['mpy-dir'],
            includeDirs: ([] as unknown[]).concat(args.include ?? []).map(String),
          },
        };
      },
    )
    .command(
      'name <files..>',
      'print the module name registered by MP_REGISTER_MODULE',
      (y) =>
        y
          .positional('files', { type: 'string', array: true })
          .option('define', { alias: 'D', type: 'string', requiresArg: true, describe: 'NAME[=VALUE], as for the compiler (repeatable)' })
          .example('$0 name examples/classes/classes.c', 'prints nmg_classes'),
      (args) => {
        found = {
          command: 'name',
          format: args.format,
          files: (args.files as string[]) ?? [],
          defines: ([] as unknown[]).concat(args.define ?? []).map(String),
        };
      },
    )
    .command(
      'makefile',
      'print the path of natmodgen.mk, the Makefile fragment to include before dynruntime.mk',
      (y) => y.example('include $(shell natmodgen makefile)', 'in a Makefile, before include $(MPY_DIR)/py/dynruntime.mk'),
      (args) => {
        found = { command: 'makefile', format: args.format };
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
      (args) => {
        found = {
          command: 'init',
          format: args.format,
          args: { dir: args.dir as string, force: args.force, from: args.from, mpyDir: args['mpy-dir'], arch: args.arch },
        };
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
      (args) => {
        found = {
          command: 'build',
          format: args.format,
          args: {
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
        };
      },
    )
    .command(
      'lsp',
      'run a Language Server Protocol server on stdin/stdout (diagnostics, formatting = sync, code actions)',
      (y) =>
        y
          .option('stdio', { type: 'boolean', default: true, describe: 'talk LSP over stdin/stdout (the only transport)' })
          .example('$0 lsp', 'started by an editor; see docs/editors.md'),
      (args) => {
        found = { command: 'lsp', format: args.format };
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
    });
  await parser.parseAsync();
  return { invocation: failed ? undefined : found, failed };
}
