/**
 * How a qstr's text becomes its C identifier (py/makeqstrdata.py): characters outside
 * [A-Za-z0-9_] are written as `_name_`. natmods spell a qstr from its identifier, so
 * escaped ones need their text supplied.
 */
const ESCAPES: Record<string, string> = {
  '-': 'hyphen',
  ' ': 'space',
  "'": 'squot',
  ',': 'comma',
  '.': 'dot',
  ':': 'colon',
  ';': 'semicolon',
  '/': 'slash',
  '%': 'percent',
  '#': 'hash',
  '(': 'paren_open',
  ')': 'paren_close',
  '[': 'bracket_open',
  ']': 'bracket_close',
  '{': 'brace_open',
  '}': 'brace_close',
  '*': 'star',
  '!': 'bang',
  '\\': 'backslash',
  '+': 'plus',
  $: 'dollar',
  '=': 'equals',
  '?': 'question',
  '@': 'at_sign',
  '^': 'caret',
  '|': 'pipe',
  '~': 'tilde',
  '<': 'lt',
  '>': 'gt',
  '"': 'dquot',
  '&': 'amp',
  '`': 'grave',
};

export function qstrIdentifier(text: string): string {
  let out = '';
  for (const ch of text) out += /[A-Za-z0-9_]/.test(ch) ? ch : `_${ESCAPES[ch] ?? `u${ch.codePointAt(0)}`}_`;
  return out;
}

/** `Q(text)` lines of a qstrdefs header → identifier (without MP_QSTR_) → text, for escaped ones only. */
export function parseQstrDefs(header: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of header.split(/\r?\n/)) {
    const m = /^\s*Q\((.*)\)\s*$/.exec(line);
    if (!m) continue;
    const id = qstrIdentifier(m[1]);
    if (id !== m[1]) out.set(id, m[1]);
  }
  return out;
}
