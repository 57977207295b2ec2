NMG_MACROS_MOD_DIR := $(USERMOD_DIR)

# Add all C files to SRC_USERMOD.
SRC_USERMOD += $(NMG_MACROS_MOD_DIR)/macros.c

# Add our module folder to the include paths.
CFLAGS_USERMOD += -I$(NMG_MACROS_MOD_DIR)
