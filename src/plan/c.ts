/**
 * C syntax natmodgen writes outside templates: string literals, the run-time
 * expression of a resolved value, preprocessor lines. Everything that turns model
 * data into C text goes through here, so quoting and spelling live in one place.
 */
import { Condition, conditionExpr } from '../model/condition';
import { FirmwareRef, FloatConst, ResolvedValue } from '../model/resolved';

/** A C string literal holding `text` as UTF-8 bytes (octal escapes for anything not printable ASCII). */
export function cString(text: string): string {
  let out = '"';
  for (const byte of Buffer.from(text, 'utf8')) {
    const ch = String.fromCharCode(byte);
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (byte >= 0x20 && byte < 0x7f) out += ch;
    else out += `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return `${out}"`;
}

/** Byte length of the text as a C string holds it (no terminator). */
export const cByteLength = (text: string): number => Buffer.byteLength(text, 'utf8');

/** `MP_QSTR_name`. */
export const qstrConst = (name: string): string => `MP_QSTR_${name}`;

/** The firmware's float constants (py/objfloat.c), spelled with the natmod's float type. */
const FLOAT_CONSTS: Record<FloatConst, string> = {
  e: '(mp_float_t)2.718281828459045',
  pi: '(mp_float_t)3.141592653589793',
  tau: '(mp_float_t)6.283185307179586',
  inf: '(mp_float_t)__builtin_inf()',
  nan: '(mp_float_t)__builtin_nan("")',
};

/** A name in the builtins module, at run time (natmodgen_builtin: rom-macros.c.hbs), never the calling script's globals. */
export const loadGlobal = (name: string): string => `natmodgen_builtin(${qstrConst(name)})`;

/** The run-time C expression (an mp_obj_t) of a firmware object. */
export function firmwareExpr(ref: FirmwareRef): string {
  switch (ref.kind) {
    case 'address':
      return `MP_OBJ_FROM_PTR(&${ref.name})`;
    case 'builtin':
      return loadGlobal(ref.name);
    case 'const':
      return `mp_const_${ref.which}`;
    case 'float':
      return `mp_obj_new_float(${FLOAT_CONSTS[ref.which]})`;
    case 'str':
      return `mp_obj_new_str(${cString(ref.text)}, ${cByteLength(ref.text)})`;
    default: {
      const never: never = ref;
      return never;
    }
  }
}

/** The run-time C expression (an mp_obj_t) for a resolved table value. */
export function valueExpr(v: ResolvedValue): string {
  switch (v.kind) {
    case 'fun_obj':
    case 'type':
      return `MP_OBJ_FROM_PTR(&${v.decl.name})`;
    case 'object':
      return `MP_OBJ_FROM_PTR(${v.expr ?? `&${v.name}`})`;
    case 'firmware':
      return firmwareExpr(v.ref);
    case 'int':
      return `MP_OBJ_NEW_SMALL_INT(${v.expr})`;
    case 'qstr':
      return `MP_OBJ_NEW_QSTR(${qstrConst(v.qstr)})`;
    case 'qstr_expr':
      return `MP_OBJ_NEW_QSTR(${v.expr})`;
    case 'const':
      return `mp_const_${v.which}`;
    default: {
      const never: never = v;
      return never;
    }
  }
}

/** The type of a firmware base type, as a `const mp_obj_type_t *` expression. */
export function baseTypeExpr(baseType: string, moduleTypes: ReadonlySet<string>): string {
  if (moduleTypes.has(`mp_type_${baseType}`)) return `&mp_type_${baseType}`;
  if (baseType === 'str' || baseType === 'bytes') return `&mp_type_${baseType}`;
  if (baseType === 'module') return 'natmodgen_module_type';
  return `(const mp_obj_type_t *)MP_OBJ_TO_PTR(${loadGlobal(baseType)})`;
}

/** `#if <expr>` for a condition, or undefined when it is always true. */
export function ifLine(cond: Condition): string | undefined {
  const expr = conditionExpr(cond);
  return expr === undefined ? undefined : `#if ${expr}`;
}

/**
 * The body of a C string literal spelling `text`: backslash, quote and control
 * characters escaped, `??` split so no trigraph forms, and `*` before `/` written as an
 * octal escape so the text can also sit inside a block comment.
 */
export function cStringBody(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const code = c.charCodeAt(0);
    if (c === '\\' || c === '"') out += `\\${c}`;
    else if (c === '\n') out += '\\n';
    else if (c === '?' && text[i + 1] === '?') out += '?\\';
    else if (c === '*' && text[i + 1] === '/') out += '\\052';
    else if (code < 0x20 || code === 0x7f) out += `\\${code.toString(8).padStart(3, '0')}`;
    else out += c;
  }
  return out;
}

/** `#line N "file"`; `file` is already a string body (cStringBody). */
export const lineDirective = (line: number, file: string): string => `#line ${line} "${file}"`;

/** A declarator template (`mp_obj_t %s`, `int %s[4]`) with its name filled in. */
export const declare = (template: string, name: string): string => template.replace('%s', name);

/**
 * `text` (C expressions) with each identifier that `names` maps replaced by its value: not inside a
 * string or character literal, not a member name (after `.` or `->`).
 */
export function renameIdentifiers(text: string, names: ReadonlyMap<string, string>): string {
  if (!names.size) return text;
  return text.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|[A-Za-z_]\w*/g, (word, at: number) => {
    const to = names.get(word);
    if (to === undefined || /(\.|->)\s*$/.test(text.slice(0, at))) return word;
    return to;
  });
}
