/*
 * io.StringIO and io.BytesIO's types (py/objstringio.h) are firmware data a natmod cannot
 * link; the io module hands them out at run time. A module can then build one in its own
 * memory (json.loads does) and the firmware's stream functions accept it.
 */
#ifndef NATMODGEN_RT_OBJSTRINGIO_H
#define NATMODGEN_RT_OBJSTRINGIO_H

const mp_obj_type_t *natmodgen_rt_io_type(qstr name);
#define mp_type_stringio (*natmodgen_rt_io_type(MP_QSTR_StringIO))
#define mp_type_bytesio (*natmodgen_rt_io_type(MP_QSTR_BytesIO))

#endif
