/*
 * The C library's FILE functions (<stdio.h>) for natmods, over MicroPython's builtin open()
 * and the stream protocol: a FILE is the stream open() returns, always opened in binary mode
 * (POSIX stdio does not translate either). User C modules that call them build only on ports
 * whose C library reaches the filesystem (unix); a natmod reaches the VFS of any port instead.
 *
 * <stdio.h> comes first and the names are then renamed to natmodgen_*: C libraries define some
 * of them as macros over their own FILE layout (newlib's feof, getc...), and GCC knows fputs,
 * fwrite and fprintf as builtins it may rewrite into each other. The unit's own later
 * #include <stdio.h> is then a no-op.
 */
#ifndef NATMODGEN_RT_CSTDIO_FILE_H
#define NATMODGEN_RT_CSTDIO_FILE_H

#include <stdio.h>

#undef fopen
#define fopen natmodgen_fopen
FILE *natmodgen_fopen(const char *path, const char *mode);
#undef fclose
#define fclose natmodgen_fclose
int natmodgen_fclose(FILE *fp);
#undef fread
#define fread natmodgen_fread
size_t natmodgen_fread(void *ptr, size_t size, size_t nmemb, FILE *fp);
#undef fwrite
#define fwrite natmodgen_fwrite
size_t natmodgen_fwrite(const void *ptr, size_t size, size_t nmemb, FILE *fp);
#undef fseek
#define fseek natmodgen_fseek
int natmodgen_fseek(FILE *fp, long offset, int whence);
#undef ftell
#define ftell natmodgen_ftell
long natmodgen_ftell(FILE *fp);
#undef rewind
#define rewind natmodgen_rewind
void natmodgen_rewind(FILE *fp);
#undef fflush
#define fflush natmodgen_fflush
int natmodgen_fflush(FILE *fp);
#undef fgetc
#define fgetc natmodgen_fgetc
int natmodgen_fgetc(FILE *fp);
#undef getc
#define getc natmodgen_fgetc
#undef ungetc
#define ungetc natmodgen_ungetc
int natmodgen_ungetc(int c, FILE *fp);
#undef fgets
#define fgets natmodgen_fgets
char *natmodgen_fgets(char *s, int size, FILE *fp);
#undef fputc
#define fputc natmodgen_fputc
int natmodgen_fputc(int c, FILE *fp);
#undef putc
#define putc natmodgen_fputc
#undef fputs
#define fputs natmodgen_fputs
int natmodgen_fputs(const char *s, FILE *fp);
#undef vfprintf
#define vfprintf natmodgen_vfprintf
int natmodgen_vfprintf(FILE *fp, const char *fmt, va_list ap);
#undef fprintf
#define fprintf natmodgen_fprintf
int natmodgen_fprintf(FILE *fp, const char *fmt, ...) __attribute__((format(__printf__, 2, 3)));
#undef feof
#define feof natmodgen_feof
int natmodgen_feof(FILE *fp);
#undef ferror
#define ferror natmodgen_ferror
int natmodgen_ferror(FILE *fp);
#undef clearerr
#define clearerr natmodgen_clearerr
void natmodgen_clearerr(FILE *fp);

#endif
