# natmodgen-fallback.mk: natmodgen's own compiler-runtime functions (runtime-fallback/*.c)
# compiled with this ARCH's flags into one archive, one member per function, for toolchains
# whose libgcc lacks some (Debian's xtensa-lx106: the 32- and 64-bit integer divisions and
# most soft-float arithmetic). natmodgen reads the archive after libgcc, so the toolchain's
# own functions win and a natmod gets only the members its link still lacks. Included after
# dynruntime.mk by the Makefiles natmodgen writes (`natmodgen build`) and by natmodgen.mk;
# built only when a link needs a `__` function nothing else defines.

NATMODGEN_FALLBACK_A ?= natmodgen-fallback.a
NATMODGEN_FALLBACK_DIR ?= natmodgen-fallback
natmodgen_fallback_src := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))/runtime-fallback
# runtime-fallback/divsi3.c
NATMODGEN_FALLBACK_INT = udivsi3 umodsi3 divsi3 modsi3 umulsidi3 muldi3 udivdi3 umoddi3 divdi3
# runtime-fallback/softfp.c (softfp_core and softfp_core64: what the others share)
NATMODGEN_FALLBACK_SOFTFP = softfp_core softfp_core64 \
  addsf3 subsf3 negsf2 mulsf3 divsf3 floatsisf floatunsisf floatdisf floatundisf \
  fixsfsi fixunssfsi fixsfdi fixunssfdi eqsf2 nesf2 ltsf2 lesf2 gtsf2 gesf2 unordsf2 \
  extendsfdf2 truncdfsf2 \
  adddf3 subdf3 negdf2 muldf3 divdf3 floatsidf floatunsidf floatdidf floatundidf \
  fixdfsi fixunsdfsi fixdfdi fixunsdfdi eqdf2 nedf2 ltdf2 ledf2 gtdf2 gedf2 unorddf2
natmodgen_fallback_cflags = $(filter-out -Werror,$(CFLAGS)) -fno-builtin -DNATMODGEN_FN_ONE
$(NATMODGEN_FALLBACK_DIR)/int/%.o: $(natmodgen_fallback_src)/divsi3.c
	$(Q)mkdir -p $(@D)
	$(Q)$(CROSS)gcc $(natmodgen_fallback_cflags) -DNATMODGEN_FN_$* -o $@ -c $<
$(NATMODGEN_FALLBACK_DIR)/softfp/%.o: $(natmodgen_fallback_src)/softfp.c
	$(Q)mkdir -p $(@D)
	$(Q)$(CROSS)gcc $(natmodgen_fallback_cflags) -DNATMODGEN_FN_$* -o $@ -c $<
$(NATMODGEN_FALLBACK_A): $(patsubst %,$(NATMODGEN_FALLBACK_DIR)/int/%.o,$(NATMODGEN_FALLBACK_INT)) \
  $(patsubst %,$(NATMODGEN_FALLBACK_DIR)/softfp/%.o,$(NATMODGEN_FALLBACK_SOFTFP))
	$(Q)rm -f $@ && $(CROSS)ar rcs $@ $^
