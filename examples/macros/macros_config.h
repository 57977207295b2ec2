// Feature switches of the nmg_macros example, included by its source like a library's config header.
#ifndef NMG_MACROS_CONFIG_H
#define NMG_MACROS_CONFIG_H

#define NMG_MACROS_VERSION (3)
#define NMG_MACROS_HAS_COLOURS (1)

#endif // NMG_MACROS_CONFIG_H
