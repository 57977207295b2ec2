RTCHECK_MOD_DIR := $(USERMOD_DIR)
SRC_USERMOD += $(RTCHECK_MOD_DIR)/rtcheck.c
CFLAGS_USERMOD += -I$(RTCHECK_MOD_DIR)
# Tells rtcheck.c it is the firmware reference (natmodgen converts it without this): where the
# firmware keeps a function to itself, the reference calls the public function that uses it.
$(BUILD)/rtcheck/rtcheck.o: CFLAGS += -DRTCHECK_FIRMWARE=1
