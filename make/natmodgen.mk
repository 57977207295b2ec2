# natmodgen.mk: build MicroPython user C module sources as a dynamic native
# module (.mpy) with MicroPython's own py/dynruntime.mk.
#
# Set SRC (and, if you like, MOD) first, then include this file BEFORE
# dynruntime.mk:
#
#   MPY_DIR ?= ../micropython
#   SRC = mymodule.c helpers.c
#   ARCH ?= x64
#   include $(shell natmodgen makefile)
#   include $(MPY_DIR)/py/dynruntime.mk
#
# All .c files in SRC are converted by one `natmodgen gen` run (a module may
# span files) into $(NATMODGEN_DIR), keeping their names, and SRC is rewritten
# so that dynruntime.mk compiles (and scans for qstrs) the converted files.
# Other SRC entries (.py, .S) are passed through untouched. Editing a source
# reruns natmodgen, which rewrites only the files whose text changed: a source
# touched but unchanged rebuilds nothing. (A changed file remakes the qstr
# header, on which dynruntime.mk makes every object depend, so all recompile.)
# `make clean` removes the converted files. Each ARCH builds in its own
# folder (build/$(ARCH)), and switching ARCH rebuilds $(MOD).mpy for it.
# `make natmodgen-build` runs `natmodgen build`: every architecture with a
# compiler, packaged for mip, into $(NATMODGEN_DIST).
#
# Variables, read when this file is included (set them before it or on the
# command line):
#   MOD                module (and .mpy) name; default: the name the sources
#                      register with MP_REGISTER_MODULE (`natmodgen name`)
#   NATMODGEN_DEFINES  macros for natmodgen, NAME or NAME=VALUE (shell words),
#                      each passed as `natmodgen gen -D NAME=VALUE`
#   NATMODGEN_FLAGS    any other `natmodgen gen` options
#   NATMODGEN          command that runs natmodgen; default: the CLI of the
#                      natmodgen package this file belongs to
#   NATMODGEN_DIR      folder for the converted sources; default:
#                      $(BUILD)/natmodgen
#   BUILD              default: build/$(ARCH), one folder per architecture
#   PYTHON             python3 for mpy_ld.py; default: python3 if it has
#                      pyelftools, else /usr/bin/python3 if that has it
#   NATMODGEN_CHECKS   0 skips the up-front checks of MPY_DIR, PYTHON and the
#                      compiler (they run for every goal but clean)
#   NATMODGEN_ARCHES   for `make natmodgen-build`: architectures (default all)
#   NATMODGEN_DIST     for `make natmodgen-build`: output folder (default dist)
# Set by this file:
#   NATMODGEN_SRC      the original .c files of SRC
#   NATMODGEN_OUT      the converted files, in the same order

ifndef NATMODGEN_MK_INCLUDED
NATMODGEN_MK_INCLUDED := 1

natmodgen_mk_file := $(abspath $(lastword $(MAKEFILE_LIST)))
NATMODGEN_HOME := $(abspath $(dir $(natmodgen_mk_file))..)
NATMODGEN ?= node "$(NATMODGEN_HOME)/dist/src/cli/main.js"

ifneq ($(strip $(ARCH)),)
ifeq ($(origin BUILD),undefined)
BUILD := build/$(ARCH)
# clean removes the folders of every architecture
CLEAN_EXTRA += build
endif
else
BUILD ?= build
endif
NATMODGEN_DIR ?= $(BUILD)/natmodgen

# GCC's maybe-uninitialized analysis depends on optimisation and inlining, which differ between
# a firmware build and dynruntime.mk's (-fpic, the module alone in its link): the same source can
# draw it in one and not the other. It stays a warning here, as in the firmware build where it
# does not appear, rather than failing the build under dynruntime.mk's -Werror.
CFLAGS += -Wno-error=maybe-uninitialized

# Goals that build (anything but clean): they get the up-front checks.
natmodgen_goals := $(if $(MAKECMDGOALS),$(filter-out clean,$(MAKECMDGOALS)),all)
NATMODGEN_CHECKS ?= 1

# $(call natmodgen_has_elftools,PYTHON): non-empty when that Python can import pyelftools.
natmodgen_has_elftools = $(shell $(1) -c 'import elftools' >/dev/null 2>&1 && echo yes)
ifeq ($(NATMODGEN_CHECKS)$(if $(natmodgen_goals),yes),1yes)
ifeq ($(strip $(MPY_DIR)),)
$(error natmodgen.mk: MPY_DIR is not set. Fix: make MPY_DIR=/path/to/micropython (a checkout with mpy-cross built))
endif
ifeq ($(wildcard $(MPY_DIR)/py/dynruntime.mk),)
$(error natmodgen.mk: MPY_DIR=$(MPY_DIR) is not a MicroPython tree (no py/dynruntime.mk). Fix: make MPY_DIR=/path/to/micropython)
endif
ifeq ($(wildcard $(MPY_DIR)/mpy-cross/build/mpy-cross),)
$(error natmodgen.mk: mpy-cross is not built in $(MPY_DIR). Fix: make -C $(MPY_DIR)/mpy-cross)
endif
# dynruntime.mk sets PYTHON = python3 unconditionally: choose here, and keep the choice.
ifeq ($(origin PYTHON),undefined)
natmodgen_python := $(firstword $(foreach p,python3 /usr/bin/python3,$(if $(call natmodgen_has_elftools,$(p)),$(p))))
ifeq ($(natmodgen_python),)
$(error natmodgen.mk: no python3 with pyelftools for mpy_ld.py (tried python3, /usr/bin/python3). Fix: pip install pyelftools, or make PYTHON=/path/to/python3-with-pyelftools)
endif
override PYTHON := $(natmodgen_python)
else ifeq ($(call natmodgen_has_elftools,$(PYTHON)),)
$(error natmodgen.mk: PYTHON=$(PYTHON) cannot import pyelftools, which mpy_ld.py needs. Fix: $(PYTHON) -m pip install pyelftools, or make PYTHON=/usr/bin/python3)
else
override PYTHON := $(PYTHON)
endif
# The compiler dynruntime.mk will use for ARCH, and the Debian package that has it.
natmodgen_cc_x86 := gcc
natmodgen_cc_x64 := gcc
natmodgen_cc_armv6m := arm-none-eabi-gcc
natmodgen_cc_armv7m := arm-none-eabi-gcc
natmodgen_cc_armv7emsp := arm-none-eabi-gcc
natmodgen_cc_armv7emdp := arm-none-eabi-gcc
natmodgen_cc_xtensa := xtensa-lx106-elf-gcc
natmodgen_cc_xtensawin := xtensa-esp32-elf-gcc
natmodgen_cc_rv32imc := riscv64-unknown-elf-gcc
natmodgen_cc_rv64imc := riscv64-unknown-elf-gcc
natmodgen_pkg_gcc := gcc (gcc-multilib for x86)
natmodgen_pkg_arm-none-eabi-gcc := gcc-arm-none-eabi
natmodgen_pkg_xtensa-lx106-elf-gcc := gcc-xtensa-lx106
natmodgen_pkg_xtensa-esp32-elf-gcc := the ESP-IDF toolchain
natmodgen_pkg_riscv64-unknown-elf-gcc := gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf
natmodgen_cc := $(natmodgen_cc_$(strip $(ARCH)))
ifneq ($(natmodgen_cc),)
ifeq ($(shell command -v $(natmodgen_cc) 2>/dev/null),)
$(error natmodgen.mk: no $(natmodgen_cc) for ARCH=$(ARCH). Fix: install $(natmodgen_pkg_$(natmodgen_cc)), or choose another ARCH)
endif
endif
endif

# x86/x64: the ABI's data alignment, not GCC's 32 bytes for every object of 32 bytes or more,
# which in a .mpy is padding (natmodgen build passes the same flag, src/build/arch-build.ts)
ifneq ($(filter x86 x64,$(strip $(ARCH))),)
CFLAGS_EXTRA += -malign-data=abi
endif

NATMODGEN_SRC := $(filter %.c,$(SRC))
ifeq ($(strip $(NATMODGEN_SRC)),)
$(error natmodgen.mk: SRC lists no .c files; set SRC before including natmodgen.mk)
endif

# Where natmodgen writes each converted file (its rule, mirrored here): the
# file name alone when the names are unique, otherwise the path relative to the
# deepest folder holding all inputs.
natmodgen_abs := $(abspath $(NATMODGEN_SRC))
natmodgen_dirs := $(patsubst %/,%,$(dir $(natmodgen_abs)))
# $(call natmodgen_common,DIR,DIRS): the deepest ancestor of DIR (or DIR) holding all DIRS.
natmodgen_common = $(if $(filter-out $(1) $(1)/%,$(2)),$(call natmodgen_common,$(patsubst %/,%,$(dir $(1))),$(2)),$(1))
ifeq ($(words $(sort $(notdir $(natmodgen_abs)))),$(words $(natmodgen_abs)))
natmodgen_rel := $(notdir $(natmodgen_abs))
else
natmodgen_rel := $(patsubst $(call natmodgen_common,$(firstword $(natmodgen_dirs)),$(natmodgen_dirs))/%,%,$(natmodgen_abs))
endif
NATMODGEN_OUT := $(addprefix $(NATMODGEN_DIR)/,$(natmodgen_rel))

# dynruntime.mk builds objects, and the qstr header ($(CONFIG_H): $(SRC)),
# from the converted files (`override`: SRC may come from the command line).
override SRC := $(NATMODGEN_OUT) $(filter-out %.c,$(SRC))

# The natmodgen command; its text is recorded so that changing the defines or
# flags (also on the command line) reconverts. `--line-base .`: the compiler runs
# here, so its messages name the sources (and converted files) as seen from here.
natmodgen_cmd := $(strip $(NATMODGEN) gen --line-base . $(NATMODGEN_FLAGS) $(if $(MPY_DIR),--mpy-dir $(MPY_DIR)) \
  $(addprefix -D ,$(NATMODGEN_DEFINES)) -o $(NATMODGEN_DIR) $(NATMODGEN_SRC))
NATMODGEN_STAMP := $(NATMODGEN_DIR)/.natmodgen-stamp
natmodgen_cmd_file := $(NATMODGEN_DIR)/.natmodgen-cmd
natmodgen_old_cmd := $(strip $(if $(wildcard $(natmodgen_cmd_file)),$(file < $(natmodgen_cmd_file))))

# Reconvert when a source, natmodgen or this file changed (the stamp is older),
# when a converted file or the stamp is missing, or when the command changed.
natmodgen_deps := $(NATMODGEN_SRC) $(natmodgen_mk_file) $(wildcard $(NATMODGEN_HOME)/package.json $(NATMODGEN_HOME)/dist/src/cli/main.js)
ifneq ($(filter-out $(wildcard $(NATMODGEN_OUT) $(NATMODGEN_STAMP)),$(NATMODGEN_OUT) $(NATMODGEN_STAMP)),)
natmodgen_deps += natmodgen-force
endif
ifneq ($(natmodgen_old_cmd),$(natmodgen_cmd))
natmodgen_deps += natmodgen-force
endif

natmodgen_squote = '$(subst ','\'',$(1))'
natmodgen_comma := ,

# The rules below must not become the default goal: that is dynruntime.mk's
# `all`, unless the including Makefile already chose one.
ifeq ($(.DEFAULT_GOAL),)
.DEFAULT_GOAL := all
endif

.PHONY: natmodgen-force
natmodgen-force:

# One run converts all sources. The stamp is removed first so that a failed run
# is retried next time.
$(NATMODGEN_STAMP): $(natmodgen_deps)
	@echo "NATMODGEN $(NATMODGEN_SRC)"
	$(Q)rm -f $@
	$(Q)mkdir -p $(NATMODGEN_DIR)
	$(Q)$(natmodgen_cmd)
	$(Q)printf '%s\n' $(call natmodgen_squote,$(natmodgen_cmd)) > $(natmodgen_cmd_file)
	$(Q)touch $@

# The converted files are made by the stamp's recipe; natmodgen leaves a file
# (and its mtime) alone when its text did not change, so dependents of an
# unchanged file are not rebuilt.
$(NATMODGEN_OUT): $(NATMODGEN_STAMP) ;

# MOD defaults to the registered module name, looked up once, when first used.
natmodgen_module_name = $(strip $(shell $(NATMODGEN) name $(NATMODGEN_SRC)))$(if $(filter 0,$(.SHELLSTATUS)),,$(if $(natmodgen_goals),$(error natmodgen.mk: cannot tell the module name from $(NATMODGEN_SRC) (see above); set MOD)))
ifeq ($(origin MOD),undefined)
MOD = $(eval MOD := $(natmodgen_module_name))$(MOD)
endif

CLEAN_EXTRA += $(NATMODGEN_DIR)

# Calls the compiler emits by itself (memset for a zeroing loop, strlen, memcpy for a
# struct copy) are not in the source: after compiling, natmodgen reads the objects'
# undefined symbols (nm) and writes those its runtime defines into one more unit,
# linked after the module's objects (an empty unit when there are none).
natmodgen_objs = $(addprefix $(BUILD)/,$(NATMODGEN_OUT:.c=.o))
# The stamp keeps a second make quiet; the unit's mtime changes only with its text.
NATMODGEN_RT_C := $(BUILD)/natmodgen-runtime.c
$(BUILD)/.natmodgen-runtime-stamp: $(natmodgen_objs)
	$(Q)node "$(NATMODGEN_HOME)/dist/src/build/provide-main.js" --mpy-dir "$(MPY_DIR)" "$(CROSS)" $(NATMODGEN_RT_C) $(natmodgen_objs)
	$(Q)touch $@
$(NATMODGEN_RT_C): $(BUILD)/.natmodgen-runtime-stamp ;
# The unit's own code may call what the compiler introduced (memset for a zeroing loop in
# sscanf): --again adds what natmodgen defines of that and exits 3 to have the unit compiled again.
$(BUILD)/natmodgen-runtime.o: $(NATMODGEN_RT_C)
	$(Q)$(CROSS)gcc $(CFLAGS) -o $@ -c $<
	$(Q)while :; do node "$(NATMODGEN_HOME)/dist/src/build/provide-main.js" --again --mpy-dir "$(MPY_DIR)" "$(CROSS)" $< $@ $(natmodgen_objs); s=$$?; \
	  if [ $$s -ne 3 ]; then exit $$s; fi; $(CROSS)gcc $(CFLAGS) -o $@ -c $< || exit 1; done
$(BUILD)/$(MOD).native.mpy: $(BUILD)/natmodgen-runtime.o

# Compiler-runtime helpers (soft-float arithmetic, 64-bit division) and libm functions the
# objects call: the members of libgcc and libm that define them, linked into one object with
# `ld -r`, last (on ARM mpy_ld jumps to mpy_init as if its object came first). libm functions
# come from MicroPython's own errno-free lib/libm and lib/libm_dbl (natmodgen-libm.mk), built
# only when needed (exit 3 of the first pass). With nothing needed the object is empty.
NATMODGEN_LIBM_A := $(BUILD)/natmodgen-libm.a
NATMODGEN_LIBM_DIR := $(BUILD)/natmodgen-libm
include $(NATMODGEN_HOME)/make/natmodgen-libm.mk
# (not spelt $(MAKE) in the recipe: `make -n` would run that line)
natmodgen_submake = $(MAKE)
natmodgen_helpers = node "$(NATMODGEN_HOME)/dist/src/build/helpers-main.js" "$(MPY_DIR)" "$(ARCH)" $@
natmodgen_helpers_in = $(addprefix --src ,$(NATMODGEN_OUT)) $(natmodgen_objs) $(BUILD)/natmodgen-runtime.o
$(BUILD)/natmodgen-helpers.o: $(natmodgen_objs) $(BUILD)/natmodgen-runtime.o
	$(Q)$(CROSS)gcc $(CFLAGS) -o $@ -c -x c /dev/null
	$(Q)$(natmodgen_helpers) $(natmodgen_helpers_in) || { test $$? = 3 && \
	  $(natmodgen_submake) --no-print-directory -f $(firstword $(MAKEFILE_LIST)) $(NATMODGEN_LIBM_A) && \
	  $(natmodgen_helpers) --mpy-libm $(NATMODGEN_LIBM_A) $(natmodgen_helpers_in); } || { rm -f $@; exit 2; }
$(BUILD)/$(MOD).native.mpy: $(BUILD)/natmodgen-helpers.o

# The .mpy keeps the module's name (it is imported by it), so it is the one file
# shared by all architectures: when ARCH differs from the last build's, remove it
# so that dynruntime.mk links it again from build/$(ARCH).
natmodgen_arch_file := build/.natmodgen-arch
ifneq ($(natmodgen_goals),)
ifneq ($(strip $(ARCH)),)
ifneq ($(strip $(if $(wildcard $(natmodgen_arch_file)),$(file < $(natmodgen_arch_file)))),$(strip $(ARCH)))
natmodgen_arch_switch := $(shell rm -f '$(MOD).mpy'; mkdir -p $(dir $(natmodgen_arch_file)) && printf '%s\n' '$(ARCH)' > $(natmodgen_arch_file))
endif
endif
endif
CLEAN_EXTRA += $(natmodgen_arch_file) $(natmodgen_mod_file)

# The module name of the last build, so that `make clean` needs neither natmodgen
# nor MPY_DIR to know which .mpy to remove.
natmodgen_mod_file := build/.natmodgen-mod
ifneq ($(natmodgen_goals),)
ifeq ($(origin MOD),file)
natmodgen_mod_record := $(shell mkdir -p $(dir $(natmodgen_mod_file)) && printf '%s\n' '$(MOD)' > $(natmodgen_mod_file))
endif
else ifneq ($(wildcard $(natmodgen_mod_file)),)
ifeq ($(origin MOD),file)
MOD := $(strip $(file < $(natmodgen_mod_file)))
endif
endif

# `make clean` without a MicroPython tree: the including Makefile's
# `include $(MPY_DIR)/py/dynruntime.mk` finds nothing, so this rule stands in for
# that file and this clean does what dynruntime.mk's would.
ifeq ($(natmodgen_goals),)
ifeq ($(wildcard $(MPY_DIR)/py/dynruntime.mk),)
$(MPY_DIR)/py/dynruntime.mk:
	@:
.PHONY: clean
clean:
	rm -rf $(BUILD) $(CLEAN_EXTRA) $(if $(MOD),$(MOD).mpy) .mpy_ld_cache
endif
endif

# Every architecture at once, packaged for mip: natmodgen build.
NATMODGEN_ARCHES ?= all
NATMODGEN_DIST ?= dist
.PHONY: natmodgen-build
natmodgen-build:
	$(NATMODGEN) build $(if $(MPY_DIR),--mpy-dir $(MPY_DIR)) $(addprefix -D ,$(NATMODGEN_DEFINES)) \
	  --arch $(subst $(eval) ,$(natmodgen_comma),$(strip $(NATMODGEN_ARCHES))) --package -o $(NATMODGEN_DIST) $(NATMODGEN_SRC)

endif
