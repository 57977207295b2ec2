/** Words for an OS error, for a diagnostic: `permission denied (EACCES)`; never a stack trace. */
export function osReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const words: Record<string, string> = {
    ENOENT: 'no such file or folder',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOSPC: 'no space left on the device',
    EDQUOT: 'disk quota exceeded',
    EIO: 'input/output error',
    EROFS: 'read-only file system',
    EXDEV: 'cross-device link',
    EISDIR: 'it is a folder',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EEXIST: 'it already exists',
    ENAMETOOLONG: 'the name is too long',
    EMFILE: 'too many open files',
    ELOOP: 'too many symbolic links',
  };
  if (err && typeof err.code === 'string')
    return `${words[err.code] ?? err.message.replace(/^[A-Z]+: /, '').replace(/,.*$/, '')} (${err.code})`;
  return err instanceof Error ? err.message : String(e);
}
