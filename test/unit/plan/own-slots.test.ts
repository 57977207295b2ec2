import { ownSlotCopies, ownSlotHeader } from '../../../src/plan/runtime';
import { runtimeIndex } from '../../../src/runtime';

describe('a unit with its own copy of a firmware slot function', () => {
  const index = runtimeIndex();

  test('is found from the names runtime/typeslots.h gives the firmware slot values', () => {
    const own = ownSlotCopies(index, new Set(['mp_obj_dict_make_new', 'mp_obj_tuple_getiter', 'dict_print', 'helper']));
    expect(own.map((o) => [o.name, o.slot])).toEqual([
      ['mp_obj_tuple_getiter', 'iter'],
      ['mp_obj_dict_make_new', 'make_new'],
    ]);
    // the firmware's value is the macro's: read from the firmware's own type
    expect(own.find((o) => o.name === 'mp_obj_dict_make_new')!.firmware).toContain('MP_QSTR_dict');
  });

  test('a unit defining none of them gets nothing', () => {
    expect(ownSlotCopies(index, new Set(['mp_obj_new_dict', 'dict_print']))).toEqual([]);
  });

  test("slot reads of an owned slot give the copy for the firmware's function; other slots are read as they are", () => {
    const header = ownSlotHeader(ownSlotCopies(index, new Set(['mp_obj_dict_make_new'])));
    expect(header).toMatch(/natmodgen_own_slot_make_new\(.*\) \{\n\s+return v == .*MP_QSTR_dict.* \? .*mp_obj_dict_make_new : v;\n\}/);
    for (const slot of [
      'print',
      'call',
      'unary_op',
      'binary_op',
      'attr',
      'subscr',
      'iter',
      'buffer',
      'protocol',
      'parent',
      'locals_dict',
    ]) {
      expect(header).toContain(`#define natmodgen_own_slot_${slot}(v) (v)`);
    }
    expect(header).toContain('#undef MP_OBJ_TYPE_GET_SLOT_OR_NULL');
    expect(header.indexOf('#include "py/obj.h"')).toBeLessThan(header.indexOf('#undef MP_OBJ_TYPE_GET_SLOT_OR_NULL'));
  });
});
