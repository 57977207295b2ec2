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
# `make clean` removes the converted files. Switching ARCH needs `make clean`
# first, as with dynruntime.mk alone.
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
# Set by this file:
#   NATMODGEN_SRC      the original .c files of SRC
#   NATMODGEN_OUT      the converted files, in the same order

ifndef NATMODGEN_MK_INCLUDED
NATMODGEN_MK_INCLUDED := 1

natmodgen_mk_file := $(abspath $(lastword $(MAKEFILE_LIST)))
NATMODGEN_HOME := $(abspath $(dir $(natmodgen_mk_file))..)
NATMODGEN ?= node "$(NATMODGEN_HOME)/dist/src/cli/main.js"

BUILD ?= build
NATMODGEN_DIR ?= $(BUILD)/natmodgen

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
# flags (also on the command line) reconverts.
natmodgen_cmd := $(strip $(NATMODGEN) gen $(NATMODGEN_FLAGS) $(if $(MPY_DIR),--mpy-dir $(MPY_DIR)) \
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
natmodgen_goals := $(if $(MAKECMDGOALS),$(filter-out clean,$(MAKECMDGOALS)),all)
natmodgen_module_name = $(strip $(shell $(NATMODGEN) name $(NATMODGEN_SRC)))$(if $(filter 0,$(.SHELLSTATUS)),,$(if $(natmodgen_goals),$(error natmodgen.mk: cannot tell the module name from $(NATMODGEN_SRC) (see above); set MOD)))
ifeq ($(origin MOD),undefined)
MOD = $(eval MOD := $(natmodgen_module_name))$(MOD)
endif

CLEAN_EXTRA += $(NATMODGEN_DIR)

endif
