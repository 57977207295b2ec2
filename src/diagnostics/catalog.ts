import { Diagnostic, Related, Span } from './diagnostic';

/**
 * Every message natmodgen can report, with a stable code. Tests check codes and
 * positions, not wording.
 */
export const catalog = {
  NMG1001: {
    severity: 'error',
    text: (a: { file: string }) => `cannot read '${a.file}': no such file`,
    help: 'check the path; natmodgen takes the C sources of one user C module',
  },
  NMG1002: {
    severity: 'error',
    text: (_: object) => 'the file is empty',
    help: 'pass the C source that defines the module (it holds MP_REGISTER_MODULE)',
  },
  NMG1003: {
    severity: 'error',
    text: (_: object) => 'this does not look like C source',
    help: 'pass .c files written in the user C module style',
  },
  NMG1004: {
    severity: 'error',
    text: (a: { near: string }) => `syntax error near '${a.near}'`,
    help: 'fix the C syntax; the file must compile as a user C module first',
  },
  NMG1005: {
    severity: 'error',
    text: (a: { name: string }) => `cannot parse ${a.name}: unbalanced brackets or missing ';'`,
    help: 'check the macro invocation',
  },
  NMG2001: {
    severity: 'error',
    text: (a: { files: string[] }) =>
      `no module is registered: MP_REGISTER_MODULE(MP_QSTR_name, module_obj) was not found in ${a.files.join(', ')}`,
    help: 'add MP_REGISTER_MODULE to the source that defines the module object, or pass that file too',
  },
  NMG2002: {
    severity: 'error',
    text: (a: { name: string }) => `module object '${a.name}' is not defined in the inputs`,
    help: "define it as 'const mp_obj_module_t NAME = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&DICT };' or pass the file that does",
  },
  NMG2003: {
    severity: 'error',
    text: (a: { name: string }) => `globals dict '${a.name}' is not defined in the inputs`,
    help: 'define it with MP_DEFINE_CONST_DICT(NAME, table)',
  },
  NMG2004: {
    severity: 'error',
    text: (a: { name: string }) => `table '${a.name}' is not defined in the inputs`,
    help: "define it as 'static const mp_rom_map_elem_t NAME[] = { ... };'",
  },
  NMG2005: {
    severity: 'error',
    text: (a: { name: string }) => `'${a.name}' is not defined in the inputs`,
    help: 'define the object (for example with MP_DEFINE_CONST_FUN_OBJ_1) before the table, or pass the file that defines it',
  },
  NMG2006: {
    severity: 'error',
    text: (a: { names: string }) => `more than one module is registered (${a.names}); a native module holds exactly one`,
    help: 'convert each module separately, passing only the files of one module',
  },
  NMG2007: {
    severity: 'error',
    text: (a: { value: string }) => `unsupported table value '${a.value}'`,
    help: 'use MP_ROM_PTR(&obj), MP_ROM_INT(n), MP_ROM_QSTR(MP_QSTR_x), MP_ROM_NONE, MP_ROM_TRUE or MP_ROM_FALSE',
  },
  NMG2008: {
    severity: 'error',
    text: (a: { name: string; count: number }) => `type '${a.name}' uses ${a.count} slots; a native module type has room for 11`,
    help: 'drop a slot (for example handle the operation in another slot)',
  },
  NMG2009: {
    severity: 'error',
    text: (a: { slot: string }) => `unknown type slot '${a.slot}'`,
    help: 'slots are make_new, print, call, unary_op, binary_op, attr, subscr, iter, buffer, protocol, parent, locals_dict',
  },
  NMG2010: {
    severity: 'error',
    text: (a: { what: string }) => `malformed ${a.what}`,
    help: 'write it in the form the MicroPython headers define',
  },
  NMG2011: { severity: 'error', text: (a: { name: string }) => `'${a.name}' is defined more than once`, help: 'rename one of them' },
  NMG2012: {
    severity: 'warning',
    text: (a: { name: string }) => `module name '${a.name}' contains an escaped character; natmods cannot unescape qstrs`,
    help: 'use a plain identifier as the module name',
  },
  NMG5001: {
    severity: 'error',
    text: (_: object) =>
      'this line of a natmodgen block was edited by hand: the block matches neither its checksum nor what natmodgen generates now',
    help: 'move your change outside the natmodgen markers and run sync again, or pass --force to regenerate the blocks and drop the change',
  },
  NMG5002: {
    severity: 'error',
    text: (_: object) => '--stdin needs --stdin-filepath PATH (the file the text belongs to)',
    help: 'natmodgen sync --stdin --stdin-filepath src/mod.c < src/mod.c',
  },
  NMG2015: {
    severity: 'warning',
    text: (a: { name: string }) => `attribute delegation for '${a.name}' is dropped: a natmod can delegate only for the module itself`,
    help: "give the sub-module a '__getattr__' function in its table instead",
  },
  NMG3001: {
    severity: 'error',
    text: (a: { name: string; why: string }) => `'${a.name}' is not available to native modules: ${a.why}`,
    help: 'keep this module a user C module',
  },
  NMG3002: {
    severity: 'error',
    text: (a: { name: string; why: string }) => `'${a.name}' is port-specific: ${a.why}`,
    help: 'take the value or object from Python',
  },
  NMG3003: {
    severity: 'warning',
    text: (a: { name: string; difference: string }) => `'${a.name}' behaves differently in a native module: ${a.difference}`,
    help: 'see the help of each report',
  },
  NMG4001: {
    severity: 'error',
    text: (a: { dir: string }) => `no such folder '${a.dir}'`,
    help: 'pass the folder of a user C module (the one holding micropython.mk or micropython.cmake)',
  },
  NMG4002: {
    severity: 'error',
    text: (a: { dir: string }) => `'${a.dir}' holds neither micropython.mk nor micropython.cmake`,
    help: 'natmodgen init reads the build description of a user C module; without one, write a Makefile with SRC by hand (see natmodgen makefile)',
  },
  NMG4003: {
    severity: 'error',
    text: (a: { what: string }) => `cannot parse this: ${a.what}`,
    help: 'the file must be valid for the build system that reads it (make for micropython.mk, CMake for micropython.cmake)',
  },
  NMG4004: {
    severity: 'error',
    text: (a: { what: string }) => `natmodgen init cannot evaluate ${a.what}`,
    help: 'list the sources, include folders and flags plainly, or write the Makefile by hand',
  },
  NMG4005: {
    severity: 'warning',
    text: (a: { name: string }) => `'${a.name}' is not set in this file; it is taken as empty`,
    help: 'natmodgen init knows only the variables the file sets, and USERMOD_DIR (micropython.mk) or CMAKE_CURRENT_LIST_DIR (micropython.cmake); check the paths in the generated Makefile',
  },
  NMG4006: {
    severity: 'warning',
    text: (a: { what: string }) => `${a.what} depends on a variable this file does not set; it is taken as unset`,
    help: 'check SRC and CFLAGS in the generated Makefile',
  },
  NMG4007: {
    severity: 'warning',
    text: (a: { file: string }) => `C++ source '${a.file}' is left out: natmodgen converts C sources only`,
    help: 'natmods can hold C++ only with extra runtime support; port the code to C or build it separately',
  },
  NMG4008: {
    severity: 'error',
    text: (a: { file: string }) => `${a.file} lists no C sources`,
    help: 'add them to SRC_USERMOD (micropython.mk) or target_sources (micropython.cmake)',
  },
  NMG4009: { severity: 'error', text: (a: { file: string }) => `'${a.file}' already exists`, help: 'pass --force to overwrite it' },
  NMG4010: {
    severity: 'warning',
    text: (a: { file: string }) => `source '${a.file}' does not exist`,
    help: 'it is listed in the Makefile anyway; fix the path there or in the build description',
  },
  NMG4011: {
    severity: 'warning',
    text: (a: { what: string }) => `${a.what} is ignored`,
    help: 'natmodgen init reads only sources, include folders and compiler flags',
  },
  // Command line and files (src/cli, src/io).
  NMG0001: { severity: 'error', text: (a: { what: string }) => a.what, help: 'run natmodgen --help, or natmodgen COMMAND --help' },
  NMG0002: {
    severity: 'error',
    text: (a: { arg: string; why: string }) => `invalid -D '${a.arg}': ${a.why}`,
    help: 'write -D NAME, -D NAME=VALUE or -D NAME(args)=body, as for the C compiler',
  },
  NMG0003: {
    severity: 'error',
    text: (a: { dir: string; from: string; why: string }) => `${a.from} '${a.dir}' is not a MicroPython source tree: ${a.why}`,
    help: 'point it at the top folder of a MicroPython checkout (the one holding py/dynruntime.h)',
  },
  NMG0004: {
    severity: 'warning',
    text: (a: { dir: string; version: string; supported: string }) =>
      `'${a.dir}' is MicroPython ${a.version}; natmodgen is tested with ${a.supported}`,
    help: 'the natmod ABI changes between MicroPython releases; check the output builds and imports, or use a supported release',
  },
  NMG1006: {
    severity: 'error',
    text: (a: { file: string; kind: string }) => `'${a.file}' is ${a.kind}, not a regular file`,
    help: 'pass the C source files of a user C module',
  },
  NMG1007: {
    severity: 'error',
    text: (a: { file: string; size: number; limit: number }) =>
      `'${a.file}' is ${a.size} bytes, more than the ${a.limit} a C source of a module can sensibly be`,
    help: 'check that this is the file you meant',
  },
  NMG1008: {
    severity: 'error',
    text: (a: { file: string; op: string; why: string }) => `cannot ${a.op} '${a.file}': ${a.why}`,
    help: 'nothing was changed; fix the cause and run again',
  },
  NMG1009: {
    severity: 'error',
    text: (a: { file: string }) => `'${a.file}' is read-only; natmodgen does not change protected files`,
    help: 'make it writable (chmod u+w) if you mean natmodgen to rewrite it',
  },
  NMG1010: {
    severity: 'error',
    text: (a: { file: string }) => `the output '${a.file}' is one of the inputs; writing it would replace your source with generated code`,
    help: 'pass -o with another folder (for example -o build/gen); to keep one file that builds both ways, use natmodgen sync',
  },
  NMG1011: {
    severity: 'error',
    text: (a: { file: string }) => `'${a.file}' exists and was not written by natmodgen; it would be overwritten`,
    help: 'choose an output folder that holds only natmodgen output, or remove the file',
  },
  NMG1012: {
    severity: 'error',
    text: (a: { file: string; what: string }) => `'${a.file}' is ${a.what}, not a module source`,
    help: 'pass the .c files that define the module (or its folder, holding micropython.mk or micropython.cmake)',
  },
  NMG1013: {
    severity: 'error',
    text: (a: { file: string; why: string }) => `cannot read '${a.file}': ${a.why}`,
    help: 'check the path and its permissions',
  },
  NMG2016: {
    severity: 'error',
    text: (a: { name: string }) =>
      `'${a.name}' is in natmodgen's reserved name space: the generated code defines ${a.name === 'mpy_init' ? 'mpy_init, the natmod entry point' : 'every identifier that starts with natmodgen_'}`,
    help: 'rename it; natmodgen reserves the prefix natmodgen_ and the name mpy_init for the code it generates',
  },
  NMG2020: {
    severity: 'error',
    text: (a: { name: string; why: string }) =>
      `'#define ${a.name}' redefines a MicroPython function that a natmod's py/dynruntime.h defines as a macro, in a way natmodgen cannot carry over: ${a.why}`,
    help: "pass the MicroPython tree (--mpy-dir or MPY_DIR) when natmodgen says it needs it; otherwise move the #define into the module's .c file, or give the macro a name of its own (e.g. my_<name>)",
  },
  NMG2030: {
    severity: 'warning',
    text: (a: { name: string }) =>
      `'${a.name}' is thread-local: a natmod has no thread-local storage (mpy_ld links no TLS), so every thread shares this one variable`,
    help: 'if threads use the module, keep the per-thread state in an object each thread passes in; with a single thread nothing changes',
  },
  NMG2031: {
    severity: 'error',
    text: (a: { label: string }) =>
      `case label '${a.label}' computes with a qstr's number: a natmod's qstrs are numbered when it is loaded, so the value has no counterpart there`,
    help: 'compare with the qstr itself (case MP_QSTR_name:), or map the qstr to the number you need in code',
  },
  NMG2032: {
    severity: 'error',
    text: (a: { what: string; names: string[] }) =>
      `${a.what} depends on ${a.names.length ? `${a.names.join(', ')}, which natmodgen cannot decide` : 'an #if natmodgen cannot decide'}, and natmodgen cannot write it once per branch here: converted, it would hold one branch for every build`,
    help: (a: { names: string[] }) =>
      a.names.length
        ? `pass ${a.names.map((n) => `-D ${n}=value`).join(' ')} to natmodgen gen as the build defines ${a.names.length > 1 ? 'them' : 'it'} (with the make fragment: NATMODGEN_DEFINES)`
        : 'pass the macros the #if tests to natmodgen gen as the build passes them (-D NAME=value)',
  },
  NMG2021: {
    severity: 'warning',
    text: (a: { name: string; condition: string; macros: string[] }) =>
      `module ${a.name} is registered under #if ${a.condition}, which is not true with the -D given: the natmod build will stop at natmodgen's #error`,
    help: (a: { macros: string[] }) => {
      const d = a.macros.map((m) => `${m}=1`);
      return `pass the feature macro to natmodgen gen: ${d.map((x) => `-D ${x}`).join(' ')} (with the make fragment: NATMODGEN_DEFINES = ${d.join(' ')})`;
    },
  },
  NMG5003: {
    severity: 'error',
    text: (a: { file: string }) => `'${a.file}' is not in sync`,
    help: 'run natmodgen sync on it (natmodgen sync --diff shows the change)',
  },
  NMG5004: {
    severity: 'error',
    text: (a: { file: string }) =>
      `'${a.file}', included here, holds definitions natmodgen converts for a natmod; sync rewrites only the files it is given, not the files they include`,
    help: 'convert the module with natmodgen gen or build (they read the included file as part of this one), or move those definitions into a file sync is given',
  },
} as const;

export type Code = keyof typeof catalog;
type Args<C extends Code> = Parameters<(typeof catalog)[C]['text']>[0];

export function diag<C extends Code>(code: C, span: Span | undefined, args: Args<C>, related: Related[] = []): Diagnostic {
  const entry = catalog[code];
  const text = entry.text as (a: Args<C>) => string;
  // A help that depends on the case (the macros to pass) is a function of the same arguments.
  const help = entry.help as string | ((a: Args<C>) => string);
  return { code, severity: entry.severity, message: text(args), span, related, help: typeof help === 'function' ? help(args) : help };
}
