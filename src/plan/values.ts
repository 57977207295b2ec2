import { ResolvedValue } from '../model/resolved';

/** The run-time C expression (an mp_obj_t) for a resolved table value. */
export function valueExpr(v: ResolvedValue): string {
  switch (v.kind) {
    case 'fun_obj':
      return `MP_OBJ_FROM_PTR(&${v.decl.name})`;
    case 'type':
      return `MP_OBJ_FROM_PTR(&${v.decl.name})`;
    case 'object':
      return `MP_OBJ_FROM_PTR(&${v.name})`;
    case 'firmware':
      return v.expr;
    case 'int':
      return `MP_OBJ_NEW_SMALL_INT(${v.expr})`;
    case 'qstr':
      return `MP_OBJ_NEW_QSTR(MP_QSTR_${v.qstr})`;
    case 'const':
      return `mp_const_${v.which}`;
    default: {
      const never: never = v;
      return never;
    }
  }
}
