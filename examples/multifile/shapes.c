// The Rect type and helpers of nmg_multifile.
#include "py/runtime.h"
#include "shapes.h"

mp_int_t nmg_rects_made;

mp_obj_t nmg_rect_new(mp_int_t w, mp_int_t h) {
    nmg_rect_obj_t *r = mp_obj_malloc(nmg_rect_obj_t, &nmg_rect_type);
    r->w = w;
    r->h = h;
    nmg_rects_made++;
    return MP_OBJ_FROM_PTR(r);
}

static mp_obj_t nmg_rect_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 2, 2, false);
    return nmg_rect_new(mp_obj_get_int(args[0]), mp_obj_get_int(args[1]));
}

static void nmg_rect_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    nmg_rect_obj_t *self = MP_OBJ_TO_PTR(self_in);
    mp_printf(print, "Rect(%d x %d)", (int)self->w, (int)self->h);
}

static mp_obj_t nmg_area(mp_obj_t self_in) {
    nmg_rect_obj_t *self = MP_OBJ_TO_PTR(self_in);
    return mp_obj_new_int(self->w * self->h);
}
MP_DEFINE_CONST_FUN_OBJ_1(nmg_area_obj, nmg_area);

static mp_obj_t nmg_square(mp_obj_t side_in) {
    mp_int_t side = mp_obj_get_int(side_in);
    return nmg_rect_new(side, side);
}
MP_DEFINE_CONST_FUN_OBJ_1(nmg_square_obj, nmg_square);

static const mp_rom_map_elem_t nmg_rect_locals_table[] = {
    { MP_ROM_QSTR(MP_QSTR_area), MP_ROM_PTR(&nmg_area_obj) },
    { MP_ROM_QSTR(MP_QSTR_SIDES), MP_ROM_INT(4) },
};
static MP_DEFINE_CONST_DICT(nmg_rect_locals, nmg_rect_locals_table);

MP_DEFINE_CONST_OBJ_TYPE(
    nmg_rect_type,
    MP_QSTR_Rect,
    MP_TYPE_FLAG_NONE,
    make_new, nmg_rect_make_new,
    print, nmg_rect_print,
    locals_dict, &nmg_rect_locals
    );
