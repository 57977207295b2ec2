NMG_CLASSES_MOD_DIR := $(USERMOD_DIR)

# Add all C files to SRC_USERMOD.
SRC_USERMOD += $(NMG_CLASSES_MOD_DIR)/classes.c

# Add our module folder to the include paths.
CFLAGS_USERMOD += -I$(NMG_CLASSES_MOD_DIR)
