// Declarations shared by the files of nmg_multifile.
#ifndef NMG_MULTIFILE_SHAPES_H
#define NMG_MULTIFILE_SHAPES_H

#include "py/obj.h"

typedef struct _nmg_rect_obj_t {
    mp_obj_base_t base;
    mp_int_t w, h;
} nmg_rect_obj_t;

extern const mp_obj_type_t nmg_rect_type;
extern const mp_obj_fun_builtin_fixed_t nmg_area_obj;
extern const mp_obj_fun_builtin_fixed_t nmg_square_obj;

// Shared counter of rectangles made, defined in shapes.c.
extern mp_int_t nmg_rects_made;

mp_obj_t nmg_rect_new(mp_int_t w, mp_int_t h);

#endif
