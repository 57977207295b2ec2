import yargs from 'yargs';
import { genCommand } from './gen';
import { nameCommand } from './name';
import { Console, realConsole } from './console';

export const EXIT = { ok: 0, stale: 1, error: 2 } as const;

/** Parses argv and runs one command; returns the exit code. The only place that knows about the process. */
export async function run(argv: string[], io: Console = realConsole): Promise<number> {
  let code: number = EXIT.ok;
  const parser = yargs(argv)
    .scriptName('natmodgen')
    .usage('$0 <command> [options]\n\nTurn MicroPython user C module sources into dynamic native modules (.mpy).')
    .command(
      'gen [files..]',
      'generate natmod translation units from user C module sources',
      (y) =>
        y
          .positional('files', { type: 'string', array: true, describe: 'the .c files of one module' })
          .option('output', { alias: 'o', type: 'string', describe: 'output folder (one file per input, same name)' })
          .option('define', { alias: 'D', type: 'string', requiresArg: true, describe: 'NAME[=VALUE], as for the compiler (repeatable)' })
          .option('mpy-dir', { type: 'string', describe: 'MicroPython source tree (checked for py/dynruntime.h)' })
          .example('$0 gen -o build/gen examples/functions/functions.c', 'write build/gen/functions.c')
          .example('$0 gen examples/functions/functions.c', 'print the generated file')
          .example('$0 gen -D MICROPY_PY_HEAPQ=1 -o gen $MPY_DIR/extmod/modheapq.c', 'convert an extmod module with its feature flag'),
      (args) => {
        code = genCommand({ files: args.files ?? [], output: args.output, defines: ([] as unknown[]).concat(args.define ?? []).map(String), mpyDir: args['mpy-dir'] }, io);
      },
    )
    .command(
      'name <files..>',
      'print the module name registered by MP_REGISTER_MODULE',
      (y) => y.positional('files', { type: 'string', array: true }).example('$0 name examples/classes/classes.c', 'prints nmg_classes'),
      (args) => {
        code = nameCommand((args.files as string[]) ?? [], io);
      },
    )
    .demandCommand(1, 'name a command: gen or name')
    .strict()
    .help()
    .version()
    .exitProcess(false)
    .fail((msg, err, y) => {
      io.err(`natmodgen: ${msg ?? err?.message}\n`);
      y.showHelp((s: string) => io.err(`${s}\n`));
      code = EXIT.error;
    });
  await parser.parseAsync();
  return code;
}
