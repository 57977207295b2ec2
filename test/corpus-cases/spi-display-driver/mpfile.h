// A file helper header as russhughes' display drivers carry one (src/mpfile.h): its own seek
// constants, spelled otherwise than py/stream.h, which the firmware unit never includes.
#ifndef DRV_MPFILE_H
#define DRV_MPFILE_H

#define MP_SEEK_SET 0
#define MP_SEEK_CUR 1
#define MP_SEEK_END 2

#endif
