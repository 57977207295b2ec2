/**
 * What to call instead of a C library function a natmod cannot link (natmodgen's runtime does
 * not define it and no firmware exports it), for the unlinkable-helper message. The C library a
 * firmware has differs by port (glibc on unix, newlib or none on boards), so these are not
 * built into natmods: each alternative reaches the same service through MicroPython.
 */

/** The source-level name of a C library symbol: glibc renames scanf-family calls (__isoc99_sscanf). */
export function libcSourceName(symbol: string): string {
  return symbol.replace(/^__isoc(99|23)_/, '');
}

const MODULE_CALL = (mod: string, fn: string) =>
  `mp_call_function_n_kw(mp_load_attr(mp_import_name(MP_QSTR_${mod}, mp_const_none, MP_OBJ_NEW_SMALL_INT(0)), MP_QSTR_${fn}), n, 0, args)`;

const FAMILIES: Array<{ names: string[]; fix: string }> = [
  {
    names: ['scanf', 'vscanf', 'fscanf', 'vfscanf'],
    fix: 'read the text first (a line with fgets, or sys.stdin.readline() through mp_load_method), then parse it with sscanf (natmodgen provides sscanf, vsscanf and strtol / strtod)',
  },
  {
    names: ['exit', '_exit', '_Exit', 'quick_exit', 'abort', 'atexit', 'at_quick_exit'],
    fix: 'a module cannot end the process: raise an exception instead (mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("...")), or nlr_raise(mp_obj_new_exception(&mp_type_SystemExit))); release resources in a close() method',
  },
  {
    names: ['strerror', 'strerror_r', 'perror'],
    fix: 'raise the error as the firmware does, with its own errno text: mp_raise_OSError(errno_value); print with mp_printf(&mp_plat_print, ...)',
  },
  {
    names: ['stderr', 'stdout', 'stdin'],
    fix: "print with mp_printf(&mp_plat_print, ...) (the firmware's stdout), or write to a FILE* from fopen (natmodgen provides <stdio.h> over open())",
  },
  {
    names: ['getenv', 'setenv', 'unsetenv', 'putenv'],
    fix: `call the os module where the port has it: ${MODULE_CALL('os', 'getenv')} (os.putenv / os.unsetenv likewise)`,
  },
  {
    names: ['clock', 'gmtime', 'gmtime_r', 'localtime', 'localtime_r', 'mktime', 'strftime', 'difftime', 'clock_gettime', 'gettimeofday'],
    fix: `call the time module: ${MODULE_CALL('time', 'localtime')} (time.gmtime, time.mktime, time.ticks_ms, time.time_ns likewise); mp_hal_ticks_ms() and mp_hal_time_ns() are provided`,
  },
  {
    names: ['setjmp', 'longjmp', '_setjmp', '_longjmp', 'sigsetjmp', 'siglongjmp', '__sigsetjmp'],
    fix:
      "natmodgen provides setjmp and longjmp on every ARCH but xtensawin (whose register windows only the port's own code can spill to the stack), and no signal-mask variants; " +
      "use MicroPython's non-local return instead: nlr_buf_t nlr; if (nlr_push(&nlr) == 0) { ...; nlr_pop(); } else { ... }, and nlr_raise(exc) to jump",
  },
  {
    names: ['sleep', 'usleep', 'nanosleep'],
    fix: 'mp_hal_delay_ms(ms) / mp_hal_delay_us(us) (provided through the time module)',
  },
];

const BY_NAME = new Map(FAMILIES.flatMap((f) => f.names.map((n) => [n, f.fix] as const)));

/** The fix for a C library function a natmod cannot link, or undefined when none is known. */
export function libcAlternative(symbol: string): string | undefined {
  return BY_NAME.get(libcSourceName(symbol));
}
