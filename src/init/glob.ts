import * as fs from 'fs';
import * as path from 'path';

/** Whether a path holds glob wildcards (`*`, `?`, `[...]`). */
export function hasWildcard(p: string): boolean {
  return /[*?[]/.test(p);
}

/**
 * Files matching an absolute glob pattern, sorted, as make's $(wildcard) and
 * CMake's file(GLOB) list them: wildcards match within one path component. With
 * `recurse` (CMake's GLOB_RECURSE), the last component is matched against files
 * in every folder under the folders the rest matches.
 */
export function glob(pattern: string, recurse = false): string[] {
  const abs = path.resolve(pattern);
  const root = path.parse(abs).root;
  const parts = abs
    .slice(root.length)
    .split(/[\\/]+/)
    .filter((p) => p !== '');
  if (!hasWildcard(abs) && !recurse) return exists(abs) ? [abs] : [];
  const last = parts.pop() ?? '';
  let dirs = [root];
  for (const part of parts) {
    const next: string[] = [];
    for (const d of dirs) {
      if (!hasWildcard(part)) {
        const p = path.join(d, part);
        if (isDir(p)) next.push(p);
        continue;
      }
      const re = componentRegex(part);
      for (const name of list(d)) if (re.test(name) && isDir(path.join(d, name))) next.push(path.join(d, name));
    }
    dirs = next;
  }
  const re = componentRegex(last);
  const out: string[] = [];
  const visit = (d: string) => {
    for (const name of list(d)) {
      const p = path.join(d, name);
      if (recurse && isDir(p)) visit(p);
      else if (re.test(name) && (recurse ? isFile(p) : exists(p))) out.push(p);
    }
  };
  for (const d of dirs) visit(d);
  return [...new Set(out)].sort();
}

function componentRegex(part: string): RegExp {
  let re = '';
  for (let i = 0; i < part.length; i++) {
    const c = part[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = part.indexOf(']', i + 2);
      if (close < 0) re += '\\[';
      else {
        let body = part.slice(i + 1, close);
        if (body.startsWith('!') || body.startsWith('^')) body = `^${body.slice(1)}`;
        re += `[${body.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  // Like the shell, `*` does not match a leading dot.
  return new RegExp(part.startsWith('.') ? `^${re}$` : `^(?!\\.)${re}$`);
}

function list(d: string): string[] {
  try {
    return fs.readdirSync(d).sort();
  } catch {
    return [];
  }
}

function exists(p: string): boolean {
  return fs.existsSync(p);
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
