RTEXTRA_MOD_DIR := $(USERMOD_DIR)
SRC_USERMOD += $(RTEXTRA_MOD_DIR)/rtextra.c
CFLAGS_USERMOD += -I$(RTEXTRA_MOD_DIR)
# Tells rtextra.c it is the firmware reference (natmodgen converts it without this): the unix port
# has no mp_hal_stdio_poll, so the reference asks sys.stdin's ioctl, which is that function on a board.
$(BUILD)/rtextra/rtextra.o: CFLAGS += -DRTEXTRA_FIRMWARE=1
