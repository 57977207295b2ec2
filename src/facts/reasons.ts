/**
 * The one hand-written part of the inventory: why a name of MicroPython's C API is
 * port-specific or impossible in a natmod, and what to write instead. Keyed by exact
 * name, by name prefix (a family) or by header; the first matching rule wins, so exact
 * names come first. Everything not matched here is classified from the headers
 * (src/facts/classify.ts). Each alternative names the call to make instead.
 */
export interface ReasonRule {
  names?: string[];
  prefixes?: string[];
  headers?: string[];
  status: 'port' | 'impossible';
  reason: string;
  alternative: string;
}

const IMPORT = (mod: string, call: string) =>
  `call ${mod}.${call} from C: mp_load_attr(mp_import_name(MP_QSTR_${mod}, mp_const_none, MP_OBJ_NEW_SMALL_INT(0)), ` +
  `MP_QSTR_${call.replace(/\(.*$/, '')}) then mp_call_function_n_kw`;

/** Port names whose use as a value, not only a call, cannot compile in a natmod (checked like calls). */
export const PORT_VALUE_NAMES: ReadonlySet<string> = new Set(['MP_HAL_PIN_FMT']);

export const REASONS: ReasonRule[] = [
  {
    names: ['mp_obj_int_hash', 'mp_obj_new_gen_wrap', 'mp_store_map'],
    status: 'impossible',
    reason: 'declared in the headers but defined nowhere in MicroPython v1.28.0: no firmware has it, so no module can call it',
    alternative:
      'hash() of the object: mp_unary_op(MP_UNARY_OP_HASH, obj); for a map store, mp_obj_dict_store(map, key, value); ' +
      'for a generator, write the iterator as a type with an iternext slot',
  },
  {
    names: ['unichar_isprint'],
    status: 'impossible',
    reason: 'declared in py/misc.h, but its definition in py/unicode.c is commented out in MicroPython v1.28.0: no firmware has it',
    alternative: 'test the character yourself: c >= 0x20 && c < 0x7f for printable ASCII',
  },
  {
    names: ['mp_map_dump'],
    status: 'port',
    reason: 'it exists only in builds made with DEBUG_PRINT (py/map.c), a debugging choice of the port',
    alternative: "print the map's contents with mp_obj_print_helper(&mp_plat_print, key, PRINT_REPR) for each filled slot",
  },
  {
    names: ['DEBUG_printf'],
    status: 'port',
    reason:
      "debug output is a port's choice: the py/ sources define their own DEBUG_printf macro, and only a port built for debugging (esp8266's main.c) defines the function",
    alternative: 'print with mp_printf(&mp_plat_print, fmt, ...)',
  },
  {
    names: [
      'nlr_push_tail',
      'nlr_push_jump_callback',
      'nlr_pop_jump_callback',
      'nlr_call_jump_callbacks',
      'mp_globals_locals_set_from_nlr_jump_callback',
    ],
    status: 'impossible',
    reason:
      "the nlr stack and its jump callbacks are the interpreter's thread state (MP_STATE_THREAD(nlr_top), nlr_jump_callback_top, mp_locals), which loaded code cannot reach",
    alternative:
      'catch with nlr_push / nlr_pop, run the clean-up in the handler, then raise again with nlr_raise(MP_OBJ_FROM_PTR(nlr.ret_val))',
  },
  {
    names: ['nlr_jump_fail'],
    status: 'port',
    reason: "each port defines what happens when an exception has no handler (its main.c); it is the port's fatal-error path",
    alternative: 'raise normally with nlr_raise(exc) (mp_raise_msg...): the firmware reaches its own nlr_jump_fail if nothing catches it',
  },
  {
    names: ['MP_STATE_THREAD', 'MP_STATE_MAIN_THREAD', 'MP_STATE_MEM'],
    status: 'impossible',
    reason:
      "it names a field of the interpreter's state (mp_state_ctx: the thread's exception, stack and pystack bounds, the heap), " +
      'which the firmware does not export to loaded code',
    alternative:
      "keep the module's own state in its own globals (MP_REGISTER_ROOT_POINTER with MP_STATE_VM(x) for pointers the GC must see); " +
      "read the interpreter's through Python: globals() / locals() (mp_globals_get, mp_locals_get), sys.exc_info(), gc.mem_free()",
  },
  {
    names: ['mp_make_stop_iteration'],
    status: 'impossible',
    reason:
      "the value it gives StopIteration is kept in the interpreter's thread state (MP_STATE_THREAD(stop_iteration_arg)), " +
      'which loaded code cannot reach; raising StopIteration instead is not the same, as C callers of an iternext slot do not catch it',
    alternative: 'return MP_OBJ_STOP_ITERATION (the iteration ends without a value)',
  },
  {
    names: ['mp_locals_set'],
    status: 'impossible',
    reason: "the current locals are the interpreter's thread state (MP_STATE_THREAD(dict_locals)), which loaded code cannot set",
    alternative:
      'run code with the locals you want: mp_call_function_n_kw(mp_load_global(MP_QSTR_exec), 3, 0, args) with args = {code, globals, locals}',
  },
  {
    names: ['QSTR_TOTAL'],
    status: 'impossible',
    reason: "it reads the firmware's qstr pool (MP_STATE_VM(last_pool)), which is not exported to loaded code",
    alternative: 'micropython.qstr_info() prints the number of qstrs from Python; qstr_from_str / qstr_str work without it',
  },
  {
    names: ['gc_nbytes'],
    status: 'impossible',
    reason: "the size of a heap block is the garbage collector's bookkeeping (py/gc.c), which mp_fun_table does not reach",
    alternative: 'keep the size you allocated next to the pointer (m_malloc(n) gives at least n bytes)',
  },
  {
    names: ['qstr_dump_data', 'qstr_pool_info', 'mp_decompress_rom_string'],
    status: 'impossible',
    reason: "the firmware's qstr pools and compressed ROM texts are its own data, not exported to loaded code",
    alternative: 'qstr_str(q) gives the text of any qstr; micropython.qstr_info() prints the pool statistics from Python',
  },
  // --- port-specific: the port implements these; the alternative reaches the same service
  // from Python's modules.
  {
    names: ['mp_hal_stdout_tx_str', 'mp_hal_stdout_tx_strn', 'mp_hal_stdout_tx_strn_cooked'],
    status: 'port',
    reason: 'each port writes its console its own way (mphalport.c) and does not export it to loaded code',
    alternative: 'print with mp_printf(&mp_plat_print, "%s", text): mp_plat_print writes to the port\'s stdout',
  },
  {
    names: ['mp_hal_time_ns'],
    status: 'port',
    reason: "the port's clock is not exported to loaded code",
    alternative: IMPORT('time', 'time_ns()'),
  },
  {
    names: ['mp_pin_make_new'],
    status: 'port',
    reason: "it is the port's own machine.Pin constructor (each port's machine_pin.c), not exported to loaded code",
    alternative: IMPORT('machine', 'Pin(id, ...)'),
  },
  {
    names: ['mp_hal_pin_name'],
    status: 'port',
    reason:
      "its type is the port's: a qstr on stm32, nrf, mimxrt, renesas-ra and alif, a GPIO number on esp32, esp8266, rp2, samd and zephyr, " +
      'and a natmod runs on all of them',
    alternative: 'print the pin object itself: mp_obj_print_helper(print, pin, PRINT_STR) names it as the port does',
  },
  {
    names: ['MP_HAL_PIN_FMT'],
    status: 'port',
    reason:
      'it is the printf format of the port\'s pin type ("%q" on stm32, nrf, mimxrt, renesas-ra and alif, "%u" on esp32, esp8266, rp2, samd and zephyr); ' +
      'a natmod runs on all of them, and its pin is the machine.Pin object',
    alternative: 'print the pin object itself: mp_obj_print_helper(print, pin, PRINT_STR)',
  },
  {
    names: ['mp_hal_pin_config_alt', 'mp_hal_pin_config_alt_static', 'mp_hal_pin_config_alt_static_speed', 'mp_hal_pin_config_speed'],
    status: 'port',
    reason: "alternate functions and pin speeds are the port's hardware (stm32's mphalport.h), with no machine.Pin method common to ports",
    alternative: 'configure the pin from Python (machine.Pin(id, mode=Pin.ALT, alt=...)) and pass it in',
  },
  {
    prefixes: ['mp_hal_'],
    status: 'port',
    reason: 'HAL functions are implemented by each port and are not exported to loaded code',
    alternative:
      'take the value or the object from Python: pass it in as an argument, or import the machine/time module and call it ' +
      '(mp_import_name, mp_load_attr, mp_call_function_n_kw)',
  },
  {
    names: ['MICROPY_BEGIN_ATOMIC_SECTION', 'MICROPY_END_ATOMIC_SECTION'],
    status: 'port',
    reason: 'disabling interrupts is port code (mpconfigport.h)',
    alternative: `${IMPORT('machine', 'disable_irq()')}, and machine.enable_irq(state) afterwards the same way`,
  },
  {
    names: ['mp_sched_schedule', 'mp_sched_schedule_node'],
    status: 'port',
    reason: "the scheduler queue is the port's (py/scheduler.c, MICROPY_ENABLE_SCHEDULER) and is not exported to loaded code",
    alternative: IMPORT('micropython', 'schedule(func, arg)'),
  },
  {
    names: ['mp_sched_lock', 'mp_sched_unlock', 'mp_sched_num_pending'],
    status: 'port',
    reason: "the scheduler is the port's (py/scheduler.c) and is not exported to loaded code",
    alternative:
      'scheduled callbacks (micropython.schedule) run between bytecodes: while the C code between the lock and the unlock ' +
      'does not call back into Python (mp_call_function_*, methods or attributes of Python objects), none can run there, so the ' +
      'calls can be left out; code that calls into Python in between must expect a callback to run during that call',
  },
  {
    names: ['mp_sched_keyboard_interrupt', 'mp_sched_exception', 'mp_sched_vm_abort'],
    status: 'port',
    reason: "pending exceptions are the scheduler's (py/scheduler.c) and are not exported to loaded code",
    alternative:
      'raise the exception where it happens with nlr_raise(mp_obj_new_exception(&mp_type_X)), ' +
      'or schedule a function that raises it with micropython.schedule',
  },
  {
    names: ['mp_handle_pending', 'mp_event_handle_nowait', 'mp_event_wait_indefinite', 'mp_event_wait_ms'],
    status: 'port',
    reason: "event handling is the port's (MICROPY_EVENT_POLL_HOOK) and is not exported to loaded code",
    alternative: `return to Python regularly (pending events run between bytecodes), or ${IMPORT('time', 'sleep_ms(0)')}`,
  },
  {
    prefixes: ['mp_thread_'],
    status: 'port',
    reason: "threads are the port's (mpthreadport.c, MICROPY_PY_THREAD) and are not exported to loaded code",
    alternative:
      'use the _thread module from Python (_thread.start_new_thread, _thread.allocate_lock) and pass its lock objects in; ' +
      "the natmod's C code runs holding the caller's GIL",
  },
  {
    prefixes: ['mp_pystack_'],
    status: 'port',
    reason: 'the Python stack exists only on ports built with MICROPY_ENABLE_PYSTACK',
    alternative: 'allocate with m_malloc and release with m_free',
  },
  {
    names: ['m_tracked_calloc', 'm_tracked_free'],
    status: 'port',
    reason: 'tracked allocation exists only on ports built with MICROPY_TRACKED_ALLOC',
    alternative: "allocate with m_malloc and release with m_free (the GC finds memory reachable from the module's objects)",
  },
  {
    names: ['mp_micropython_mem_info'],
    status: 'port',
    reason:
      'micropython.mem_info exists only on ports built with MICROPY_PY_MICROPYTHON_MEM_INFO, and its C function is not exported to loaded code',
    alternative: IMPORT('micropython', 'mem_info()'),
  },
  {
    prefixes: ['mp_bluetooth_'],
    headers: ['extmod/modbluetooth.h', 'extmod/mpbthci.h'],
    status: 'port',
    reason: "Bluetooth is the port's (its HCI transport and stack) and is not exported to loaded code",
    alternative: 'take a bluetooth.BLE object from Python and call its methods with mp_load_method / mp_call_method_n_kw',
  },
  {
    prefixes: ['machine_', 'mp_machine_'],
    headers: ['extmod/modmachine.h', 'extmod/machine_can.h', 'extmod/machine_can_port.h', 'extmod/virtpin.h'],
    status: 'port',
    reason: 'machine peripherals are port hardware and are not exported to loaded code',
    alternative: 'take the machine.Pin/I2C/SPI/CAN object as an argument and call its methods with mp_load_method / mp_call_method_n_kw',
  },
  {
    prefixes: ['mod_network_', 'network_', 'cyw43_', 'CYW43_'],
    headers: ['extmod/modnetwork.h', 'extmod/cyw43_config_common.h', 'extmod/network_cyw43.h'],
    status: 'port',
    reason: "network interfaces are the port's and are not exported to loaded code",
    alternative: 'take the network interface object (network.WLAN, network.LAN) as an argument and call its methods with mp_load_method',
  },
  {
    prefixes: ['openamp_', 'mp_openamp_'],
    headers: ['extmod/modopenamp.h', 'extmod/modopenamp_remoteproc.h'],
    status: 'port',
    reason: "OpenAMP is the port's and is not exported to loaded code",
    alternative: 'use the openamp module from Python and pass its objects in',
  },
  {
    prefixes: ['mp_os_dupterm_', 'mp_os_deactivate'],
    headers: ['extmod/misc.h'],
    status: 'port',
    reason: "the duplicated terminal is the port's (MICROPY_PY_OS_DUPTERM) and is not exported to loaded code",
    alternative: IMPORT('os', 'dupterm(stream)'),
  },
  {
    names: ['mp_builtin_open', 'mp_vfs_open'],
    status: 'port',
    reason: "open() is the port's (its VFS or POSIX file layer) and is not exported to loaded code",
    alternative: 'call the open builtin: mp_call_function_n_kw(mp_load_global(MP_QSTR_open), n, 0, args)',
  },
  {
    prefixes: ['mp_vfs_'],
    headers: ['extmod/vfs.h', 'extmod/vfs_fat.h', 'extmod/vfs_lfs.h', 'extmod/vfs_posix.h', 'extmod/vfs_rom.h'],
    status: 'port',
    reason: "filesystems are the port's (MICROPY_VFS) and are not exported to loaded code",
    alternative:
      'call the os / vfs module functions (os.listdir, os.stat, vfs.mount...) ' +
      'through mp_import_name, mp_load_attr and mp_call_function_n_kw',
  },
  {
    names: ['nlr_set_abort', 'nlr_get_abort', 'nlr_jump_abort', 'mp_sched_vm_abort'],
    status: 'port',
    reason: 'aborting the VM exists only on ports built with MICROPY_ENABLE_VM_ABORT',
    alternative: 'raise an exception with nlr_raise and let the caller stop',
  },

  // --- impossible: the firmware keeps these to itself; nothing in mp_fun_table reaches them.
  {
    names: [
      'mp_init',
      'mp_deinit',
      'gc_init',
      'qstr_init',
      'mp_stack_ctrl_init',
      'mp_stack_set_top',
      'mp_stack_set_limit',
      'mp_cstack_init_with_sp_here',
      'mp_cstack_init_with_top',
      'mp_init_emergency_exception_buf',
      'mp_thread_init_state',
      'mp_pystack_init',
    ],
    status: 'impossible',
    reason: "it sets the interpreter up, which the port's start-up code has done before any module is imported",
    alternative: "nothing to initialise: put the module's own set-up in its __init__ function (natmodgen calls it at import)",
  },
  {
    names: [
      'gc_collect_start',
      'gc_collect_root',
      'gc_collect_end',
      'gc_sweep_all',
      'gc_add',
      'gc_get_max_new_split',
      'gc_weakref_mark',
      'gc_weakref_sweep',
      'gc_weakref_about_to_be_freed',
    ],
    status: 'impossible',
    reason: "the garbage collector's internals are not exported to loaded code",
    alternative: IMPORT('gc', 'collect()'),
  },
  {
    names: ['gc_info'],
    status: 'impossible',
    reason: "the heap's block counts are the garbage collector's bookkeeping (py/gc.c), which mp_fun_table does not reach",
    alternative: `${IMPORT('gc', 'mem_alloc()')} and gc.mem_free() the same way: the used and free bytes (their sum is the total)`,
  },
  {
    names: ['gc_dump_info', 'gc_dump_alloc_table'],
    status: 'impossible',
    reason: "the garbage collector's internals are not exported to loaded code",
    alternative: `${IMPORT('micropython', 'mem_info(1)')}: it prints the same report (with the block table) to stdout`,
  },
  {
    names: ['mp_find_frozen_module'],
    status: 'impossible',
    reason: "frozen modules are the firmware's own data (its frozen content table), not exported to loaded code",
    alternative: 'import with mp_import_name(MP_QSTR_name, mp_const_none, MP_OBJ_NEW_SMALL_INT(0)) (py/dynruntime.h provides it)',
  },
  {
    headers: [
      'py/compile.h',
      'py/parse.h',
      'py/lexer.h',
      'py/scope.h',
      'py/emit.h',
      'py/emitglue.h',
      'py/bc.h',
      'py/bc0.h',
      'py/persistentcode.h',
      'py/objcode.h',
      'py/reader.h',
      'py/repl.h',
      'py/frozenmod.h',
      'py/profile.h',
      'py/objfun.h',
      'py/objgenerator.h',
    ],
    prefixes: [
      'mp_compile',
      'mp_parse_compile_execute',
      'mp_execute_bytecode',
      'mp_setup_code_state',
      'mp_raw_code_',
      'mp_emit_',
      'mp_lexer_',
      'mp_reader_',
      'mp_repl_',
      'mp_prof_',
    ],
    status: 'impossible',
    reason:
      'it belongs to the compiler and bytecode VM, which the firmware does not export to loaded code (nothing in mp_fun_table reaches it)',
    alternative:
      'compile and run Python text with the compile / exec builtins: mp_call_function_n_kw(mp_load_global(MP_QSTR_exec), 1, 0, &code)',
  },
  {
    names: ['asm_rv32_allowed_extensions'],
    status: 'impossible',
    reason:
      "it reports which RV32 extensions the firmware's native emitter may use, from the firmware's build configuration " +
      '(MICROPY_EMIT_RV32_ZBA and the dynamic compiler options), which loaded code cannot read',
    alternative: "decide from the natmod's own build: natmodgen build --arch rv32imc compiles for the base instruction set",
  },
  {
    names: ['mp_asm_base_get_code'],
    status: 'port',
    reason:
      'on ports that define MP_PLAT_COMMIT_EXEC (esp32, esp8266, nrf) it copies the code into executable memory through port code, ' +
      'which is not exported to loaded code',
    alternative: "read the buffer's start from the assembler itself: as->code_base (the value it returns on every other port)",
  },
  {
    headers: ['py/asmbase.h', 'py/asmarm.h', 'py/asmthumb.h', 'py/asmx64.h', 'py/asmx86.h', 'py/asmxtensa.h', 'py/asmrv32.h'],
    prefixes: ['asm_', 'ASM_', 'mp_asm_base_'],
    status: 'impossible',
    reason: "it is the native emitter's assembler, which exists only inside the compiler and is not exported to loaded code",
    alternative:
      "write the code in the natmod's C (it is compiled to machine code already), " +
      'or use @micropython.native / @micropython.viper in Python',
  },
];

/**
 * Headers of a family above whose macros and inline functions are plain C over their arguments
 * (bit fields of bytecode preludes, tagged pointers, parse-node words, .mpy feature bytes): the
 * family's reason is about its functions. Such a macro or inline, with one definition calling
 * only what a natmod has, is provided through the headers; rtcheck (bytecode, parse and .mpy
 * headers) and auditcheck (assembler, scope and emitglue headers) compile them into a natmod and
 * compare the results with the firmware's.
 */
export const PLAIN_C_HEADERS: ReadonlySet<string> = new Set([
  'py/bc.h',
  'py/bc0.h',
  'py/parse.h',
  'py/persistentcode.h',
  // instruction encoders (RV32_ENCODE_TYPE_*, ASM_XTENSA_ENCODE_*, ASM_THUMB_FORMAT_*_ENCODE),
  // the assembler state's accessors and the empty end_pass functions
  'py/asmbase.h',
  'py/asmarm.h',
  'py/asmthumb.h',
  'py/asmx64.h',
  'py/asmx86.h',
  'py/asmxtensa.h',
  'py/asmrv32.h',
  // scope kinds (SCOPE_IS_FUNC_LIKE, SCOPE_IS_COMP_LIKE) and mp_proto_fun_is_bytecode
  'py/scope.h',
  'py/emitglue.h',
]);

/**
 * Names a natmod has, but with a difference from the firmware that the module's author must
 * know about: each call is reported as a warning (NMG3003), and the module converts.
 */
type Caveat = { difference: string; help: string };

export const CAVEATS: ReadonlyMap<string, Caveat> = new Map<string, Caveat>([
  [
    'mp_compile',
    {
      difference:
        "a natmod compiles through the firmware's compile builtin, which has no mode for file input with is_repl: " +
        'expression statements of file input are not printed (single input with is_repl prints them, as in the firmware); ' +
        'the result is a bound method that runs the code, not a function',
      help: 'compile one statement as MP_PARSE_SINGLE_INPUT to have its value printed, or print the values in the Python text',
    },
  ],
  ...['MP_THREAD_GIL_EXIT', 'MP_THREAD_GIL_ENTER'].map((name): [string, Caveat] => [
    name,
    {
      difference:
        'a natmod is compiled without threads (py/mpthread.h makes this macro empty there), so its C code keeps the GIL ' +
        'between MP_THREAD_GIL_EXIT() and MP_THREAD_GIL_ENTER(); on ports whose firmware has a GIL (esp32, stm32, zephyr, cc3200) ' +
        "other Python threads wait until the natmod's call returns (on ports without one, unix and rp2 among them, the macro is empty in the firmware too)",
      help: 'keep the blocking part short, and never wait in it for something another Python thread must do (that thread cannot run)',
    },
  ]),
  ...[
    'm_malloc_with_finaliser',
    'mp_obj_malloc_with_finaliser',
    'mp_obj_malloc_var_with_finaliser',
    'mp_obj_malloc_with_finaliser_helper',
  ].map((name): [string, Caveat] => [
    name,
    {
      difference:
        "a natmod's memory is allocated without the GC's finaliser flag (mp_fun_table reaches gc_alloc only without it), so the GC never calls __del__ on these objects",
      help: "release resources in a close() method (and __exit__, for 'with' blocks); __del__ still runs when called",
    },
  ]),
]);
