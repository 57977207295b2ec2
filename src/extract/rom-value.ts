import { RomValue, asQstr } from '../model/declarations';
import { Cursor, TokRange } from './cursor';

/**
 * Reads one `MP_ROM_*` value (py/obj.h) from its tokens, or the spelling of `mp_map_elem_t`
 * tables before MicroPython v1.12 (`(mp_obj_t)&obj`, `MP_OBJ_NEW_SMALL_INT(n)`, `MP_OBJ_NEW_QSTR(q)`, `mp_const_none`),
 * and `MP_OBJ_FROM_PTR(&obj)`.
 */
export function readRomValue(cur: Cursor, r: TokRange): RomValue {
  let toks = cur.codeTokens(r);
  const span = cur.spanOf(r);
  // The objects py/obj.h's float constant macros point to, written out (`MP_ROM_PTR(&mp_const_float_pi_obj)`).
  const firmwareConst = (name: string): RomValue | undefined => {
    const f = /^mp_const_float_(e|pi|tau|inf|nan)_obj$/.exec(name);
    return f ? { kind: 'float_const', which: f[1], span } : undefined;
  };

  // A cast to an object type in front of the value: `(mp_obj_t)&obj` (what a ROM pointer adds, so
  // read as MP_ROM_PTR(&obj)) or around a value macro, `(mp_obj_t)MP_ROM_PTR(&obj)`; the firmware
  // build takes both, the cast changing nothing but the pointer's constness.
  const cast = objectCastLength(cur, toks);
  if (cast > 0 && toks.length > cast) {
    const rest = toks.slice(cast);
    if (rest.length === 2 && cur.is(rest[0], '&') && cur.tokens[rest[1]].kind === 'ident') {
      const target = rest[1];
      const known = firmwareConst(cur.text(target));
      if (known) return known;
      return { kind: 'ptr', target: cur.text(target), text: `&${cur.text(target)}`, span, targetSpan: cur.span(target) };
    }
    const v = readRomValue(cur, { from: rest[0], to: rest[rest.length - 1] });
    if (v.kind !== 'unknown') return { ...v, span };
    toks = rest;
  }
  // Parentheses around the whole value (a macro's `(MP_ROM_PTR(&obj))`) change nothing.
  if (toks.length >= 3 && cur.is(toks[0], '(') && cur.closing(toks[0]) === toks[toks.length - 1]) {
    const v = readRomValue(cur, { from: toks[1], to: toks[toks.length - 1] - 1 });
    if (v.kind !== 'unknown') return { ...v, span };
  }
  const head = cur.text(toks[0]);
  if (toks.length === 1) {
    if (head === 'MP_ROM_NONE' || head === 'mp_const_none') return { kind: 'none', span };
    if (head === 'MP_ROM_TRUE' || head === 'mp_const_true') return { kind: 'true', span };
    if (head === 'MP_ROM_FALSE' || head === 'mp_const_false') return { kind: 'false', span };
    const f = /^mp_const_float_(e|pi|tau|inf|nan)$/.exec(head);
    if (f) return { kind: 'float_const', which: f[1], span };
  }
  const open = toks[1];
  const close = toks[toks.length - 1];
  const wrapped = toks.length >= 3 && cur.is(open, '(') && cur.closing(open) === close;
  const inner: TokRange = { from: open + 1, to: close - 1 };
  if (wrapped && (head === 'MP_ROM_INT' || head === 'MP_OBJ_NEW_SMALL_INT')) return { kind: 'int', expr: cur.source(inner), span };
  if (wrapped && (head === 'MP_ROM_QSTR' || head === 'MP_OBJ_NEW_QSTR')) {
    const q = cur.flat(inner);
    // `MP_QSTR_` alone is the empty string's qstr.
    if (/^MP_QSTR_\w*$/.test(q)) return { kind: 'qstr', qstr: asQstr(q.slice(8)), span };
  }
  // MP_OBJ_FROM_PTR(&obj) is the object pointer MP_ROM_PTR(&obj) stands for; firmware tables take
  // either (dmazzella/ucryptography writes a few entries with it).
  if (wrapped && (head === 'MP_ROM_PTR' || head === 'MP_OBJ_FROM_PTR')) {
    const innerToks = cur.codeTokens(inner);
    // `MP_ROM_PTR(mp_const_none)`: py/obj.h's object macros are pointers already (`&mp_const_none_obj`).
    if (innerToks.length === 1 && cur.tokens[innerToks[0]].kind === 'ident') {
      const v = readRomValue(cur, inner);
      if (v.kind !== 'unknown') return { ...v, span };
    }
    const amp = innerToks.findIndex((i) => cur.is(i, '&'));
    // `&(obj)`, `&(objs[1])`: the object in parentheses.
    const paren = amp >= 0 && cur.is(innerToks[amp + 1], '(');
    const target = amp >= 0 ? innerToks[amp + (paren ? 2 : 1)] : undefined;
    const alone = paren
      ? innerToks.length === amp + 4 && cur.closing(innerToks[amp + 1]) === innerToks[amp + 3]
      : innerToks.length === amp + 2;
    if (target !== undefined && cur.tokens[target].kind === 'ident') {
      const known = alone ? firmwareConst(cur.text(target)) : undefined;
      if (known) return known;
      return { kind: 'ptr', target: cur.text(target), text: cur.flat(inner), span, targetSpan: cur.span(target) };
    }
  }
  return { kind: 'unknown', text: cur.flat(r), span };
}

/** The spellings of an object type a table value may be cast to (py/obj.h's mp_obj_t and its const and ROM forms, or a void pointer). */
const OBJECT_CASTS = new Set(['mp_obj_t', 'mp_const_obj_t', 'mp_rom_obj_t', 'void *', 'const void *']);

/** How many of `toks` a leading cast to an object type takes (`(`, the type, `)`), or 0. */
function objectCastLength(cur: Cursor, toks: number[]): number {
  if (toks.length < 3 || !cur.is(toks[0], '(')) return 0;
  const close = toks.indexOf(cur.closing(toks[0]));
  if (close < 2) return 0;
  const type = toks
    .slice(1, close)
    .map((t) => cur.text(t))
    .join(' ');
  return OBJECT_CASTS.has(type) ? close + 1 : 0;
}
