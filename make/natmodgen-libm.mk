# natmodgen-libm.mk: MicroPython's own errno-free maths libraries, lib/libm (float) and
# lib/libm_dbl (double), compiled from $(MPY_DIR) with this ARCH's flags into one archive
# that natmodgen takes members from before the toolchain's libm (whose functions set errno,
# which a natmod cannot link). Included after dynruntime.mk by the Makefiles natmodgen
# writes (`natmodgen build`) and by natmodgen.mk; built only when a module needs it.
#
# Sources are compiled against natmodgen's own <math.h> (make/libm-headers): the C
# library's may declare the sources' internal names differently (glibc's __sin, and float_t
# as long double on i386). On x86 the maths is compiled for SSE2, as lib/libm_dbl requires
# FLT_EVAL_METHOD == 0 (doubles are still returned in st(0), the i386 calling convention).

NATMODGEN_LIBM_A ?= natmodgen-libm.a
NATMODGEN_LIBM_DIR ?= natmodgen-libm
natmodgen_libm_home := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
# The thumb_vfp_* files are single-instruction sqrt for FPU cores; the portable ones cover every ARCH.
NATMODGEN_LIBM_SRC = $(filter-out %/thumb_vfp_sqrtf.c %/thumb_vfp_sqrt.c $(natmodgen_libm_replaced),$(wildcard $(MPY_DIR)/lib/libm/*.c $(MPY_DIR)/lib/libm_dbl/*.c))
# x64 and x86 natmods run in the unix port, whose exp, log and pow (the C library's) are
# correctly rounded where lib/libm_dbl's are an ulp off at times: natmodgen's own
# (libm-extra/natmodgen_exp_pow.c) replace them there, and lib/libm_dbl's, renamed
# natmodgen_fdlibm_<name>, still answer the special values.
natmodgen_libm_exact = $(if $(filter x64 x86,$(ARCH)),exp log pow)
natmodgen_libm_replaced = $(patsubst %,$(MPY_DIR)/lib/libm_dbl/%.c,$(natmodgen_libm_exact))
natmodgen_libm_cflags = -I$(natmodgen_libm_home)/libm-headers $(filter-out -Werror -Wall,$(CFLAGS)) -w \
  $(if $(filter x86,$(ARCH)),-msse2 -mfpmath=sse)
$(NATMODGEN_LIBM_DIR)/libm/%.o: $(MPY_DIR)/lib/libm/%.c
	$(Q)mkdir -p $(@D)
	$(Q)$(CROSS)gcc $(natmodgen_libm_cflags) -o $@ -c $<
$(NATMODGEN_LIBM_DIR)/libm_dbl/%.o: $(MPY_DIR)/lib/libm_dbl/%.c
	$(Q)mkdir -p $(@D)
	$(Q)$(CROSS)gcc $(natmodgen_libm_cflags) -o $@ -c $<
# natmodgen's own few functions that GCC or modules call and those libraries lack
# (libm-extra/natmodgen_libm_extra.c, one archive member per function).
NATMODGEN_LIBM_EXTRA = sincos sincosf log2 log2f
$(NATMODGEN_LIBM_DIR)/exact/natmodgen_%.o: $(natmodgen_libm_home)/libm-extra/natmodgen_exp_pow.c
	$(Q)mkdir -p $(@D)
	$(Q)$(CROSS)gcc $(natmodgen_libm_cflags) -fno-builtin -ffp-contract=off -DNATMODGEN_LIBM_$(shell echo $* | tr a-z A-Z) -o $@ -c $<
$(NATMODGEN_LIBM_DIR)/exact/fdlibm_%.o: $(MPY_DIR)/lib/libm_dbl/%.c
	$(Q)mkdir -p $(@D)
	$(Q)$(CROSS)gcc $(natmodgen_libm_cflags) -D$*=natmodgen_fdlibm_$* -o $@ -c $<
$(NATMODGEN_LIBM_DIR)/extra/natmodgen_%.o: $(natmodgen_libm_home)/libm-extra/natmodgen_libm_extra.c
	$(Q)mkdir -p $(@D)
	$(Q)$(CROSS)gcc $(natmodgen_libm_cflags) -fno-builtin -DNATMODGEN_LIBM_$(shell echo $* | tr a-z A-Z) -o $@ -c $<
$(NATMODGEN_LIBM_A): $(patsubst $(MPY_DIR)/lib/%.c,$(NATMODGEN_LIBM_DIR)/%.o,$(NATMODGEN_LIBM_SRC)) \
  $(patsubst %,$(NATMODGEN_LIBM_DIR)/extra/natmodgen_%.o,$(NATMODGEN_LIBM_EXTRA)) \
  $(patsubst %,$(NATMODGEN_LIBM_DIR)/exact/natmodgen_%.o,$(natmodgen_libm_exact)) \
  $(patsubst %,$(NATMODGEN_LIBM_DIR)/exact/fdlibm_%.o,$(natmodgen_libm_exact))
	$(Q)rm -f $@ && $(CROSS)ar rcs $@ $^
