import { OUTPUT_FORMATS, OutputFormat } from '../diagnostics/output';
import type { BuildArgs } from './build';
import type { GenArgs } from './gen';
import type { InitArgs } from './init';
import type { SyncArgs } from './sync';

/**
 * What a command line asks for, as data: the command and its typed options. yargs reads
 * every command line (src/cli/yargs-parse.ts); {@link quickParse} reads the plain ones an
 * editor or a Makefile runs on every save or build, without loading yargs (tens of
 * milliseconds of a cold start). Both produce this, and a test holds them equal.
 */
export type Invocation =
  | { command: 'gen'; format: OutputFormat; args: GenArgs }
  | { command: 'sync'; format: OutputFormat; args: Omit<SyncArgs, 'stdinText'>; stdin: boolean }
  | { command: 'build'; format: OutputFormat; args: BuildArgs }
  | { command: 'name'; format: OutputFormat; files: string[]; defines?: string[] }
  | { command: 'makefile'; format: OutputFormat }
  | { command: 'init'; format: OutputFormat; args: InitArgs }
  | { command: 'lsp'; format: OutputFormat };

/** Commands and their options (long names and aliases), for "did you mean". */
export const COMMAND_OPTIONS: Record<string, string[]> = {
  gen: ['output', 'o', 'define', 'D', 'include', 'I', 'mpy-dir', 'line-base'],
  sync: ['define', 'D', 'check', 'diff', 'force', 'stdin', 'stdin-filepath', 'mpy-dir', 'include', 'I'],
  build: ['output', 'o', 'define', 'D', 'include', 'I', 'mpy-dir', 'arch', 'package', 'jobs', 'j', 'float-impl'],
  name: ['define', 'D'],
  makefile: [],
  init: ['force', 'f', 'from', 'mpy-dir', 'arch'],
  lsp: ['stdio'],
};
export const GLOBAL_OPTIONS = ['help', 'version', 'format'];

/** The command word: the first word that is neither an option nor the value of a global `--format`. */
export function commandWord(argv: string[]): string | undefined {
  return argv.find((a, i) => !a.startsWith('-') && argv[i - 1] !== '--format');
}

/** Options on the command line that the command does not know, checked before any parser reads them as values. */
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

/**
 * `-DNAME[=VALUE]` and `-IDIR` written as for the compiler, split into `-D NAME[=VALUE]` and
 * `-I DIR` (yargs would read `-DNAME` as the short flags -D, -N, -A...). Nothing after `--`.
 */
export function splitAttachedValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return [...out, ...argv.slice(i)];
    if (/^-[DI]./.test(a)) out.push(a.slice(0, 2), a.slice(2));
    else out.push(a);
  }
  return out;
}

/** The options {@link quickParse} reads, per command: flags (no value) and options with one value. */
const QUICK: Record<'gen' | 'sync', { flags: Record<string, string>; values: Record<string, string> }> = {
  gen: {
    flags: {},
    values: {
      '-o': 'output',
      '--output': 'output',
      '-D': 'define',
      '--define': 'define',
      '-I': 'include',
      '--include': 'include',
      '--mpy-dir': 'mpy-dir',
      '--line-base': 'line-base',
      '--format': 'format',
    },
  },
  sync: {
    flags: { '--check': 'check', '--diff': 'diff', '--force': 'force' },
    values: { '-D': 'define', '--define': 'define', '-I': 'include', '--include': 'include', '--mpy-dir': 'mpy-dir', '--format': 'format' },
  },
};
const REPEATABLE = new Set(['define', 'include']);

/**
 * The command line of a plain `gen` or `sync` (the command word first, then files and the
 * common options, each at most once but -D and -I), read without yargs; undefined for
 * anything else (help, other commands, `--`, `--no-x`, attached short options, a value that
 * looks like an option or a number...), which yargs then reads. Run it on {@link
 * splitAttachedValues}'s result, as yargs is.
 */
export function quickParse(argv: string[]): Invocation | undefined {
  const command = argv[0];
  if (command !== 'gen' && command !== 'sync') return undefined;
  const spec = QUICK[command];
  const files: string[] = [];
  const seen = new Set<string>();
  const values: Record<string, string[]> = { define: [], include: [] };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-')) {
      files.push(a);
      continue;
    }
    let name: string | undefined;
    let value: string | undefined;
    if (a in spec.flags) {
      name = spec.flags[a];
    } else {
      const eq = a.indexOf('=');
      const opt = eq > 0 && a.startsWith('--') ? a.slice(0, eq) : a;
      name = spec.values[opt];
      if (!name) return undefined;
      if (eq > 0 && opt !== a) value = a.slice(eq + 1);
      else {
        value = argv[++i];
        if (value === undefined || value.startsWith('-')) return undefined;
      }
    }
    if (!name) return undefined;
    // A value yargs would read another way: empty, or one that looks like a number or an option.
    if (value !== undefined && (value === '' || value.startsWith('-') || /^0x|^[+-]?\d/i.test(value))) return undefined;
    if (!REPEATABLE.has(name)) {
      if (seen.has(name)) return undefined;
      seen.add(name);
    }
    if (value === undefined) values[name] = [];
    else (values[name] ??= []).push(value);
  }
  // Numbers as file names, a --format yargs would refuse: yargs's business.
  if (files.some((f) => /^0x|^[+-]?\d/i.test(f) || f === '')) return undefined;
  const formatWord = values.format?.[0] ?? 'text';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(formatWord)) return undefined;
  const format = formatWord as OutputFormat;
  const defines = values.define;
  const includeDirs = values.include;
  const one = (k: string): string | undefined => values[k]?.[0];
  if (command === 'gen') {
    return {
      command,
      format,
      args: { files, output: one('output'), defines, mpyDir: one('mpy-dir'), includeDirs, lineBase: one('line-base') },
    };
  }
  return {
    command,
    format,
    stdin: false,
    args: {
      files,
      defines,
      check: seen.has('check'),
      diff: seen.has('diff'),
      force: seen.has('force'),
      stdinFilepath: undefined,
      mpyDir: one('mpy-dir'),
      includeDirs,
    },
  };
}
