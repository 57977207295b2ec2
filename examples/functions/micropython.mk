NMG_FUNCTIONS_MOD_DIR := $(USERMOD_DIR)

# Add all C files to SRC_USERMOD.
SRC_USERMOD += $(NMG_FUNCTIONS_MOD_DIR)/functions.c

# Add our module folder to the include paths.
CFLAGS_USERMOD += -I$(NMG_FUNCTIONS_MOD_DIR)
