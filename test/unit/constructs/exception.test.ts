import { CondItem, TypeSlot } from '../../../src/model/declarations';
import { declsOf } from '../helpers';

const slots = (items: CondItem<TypeSlot>[]): string[] =>
  items.map((s) => (s.kind === 'directive' ? s.text.replace(/\s+/g, ' ') : `${s.item.slot}=${s.item.value}`));

describe('extractExceptions', () => {
  test.each<[string, { given: string; want: { name: string; typeName: string; isStatic: boolean; slots: string[] } }]>([
    [
      'MP_DEFINE_EXCEPTION(Name, Base) is a type with the exception slots',
      {
        given: 'MP_DEFINE_EXCEPTION(MyError, Exception)\n',
        want: {
          name: 'mp_type_MyError',
          typeName: 'MyError',
          isStatic: false,
          slots: [
            'make_new=mp_obj_exception_make_new',
            'print=mp_obj_exception_print',
            'attr=mp_obj_exception_attr',
            'parent=&mp_type_Exception',
          ],
        },
      },
    ],
    [
      'with a trailing semicolon and a user base',
      {
        given: 'MP_DEFINE_EXCEPTION(SubError, MyError);\n',
        want: {
          name: 'mp_type_SubError',
          typeName: 'SubError',
          isStatic: false,
          slots: [
            'make_new=mp_obj_exception_make_new',
            'print=mp_obj_exception_print',
            'attr=mp_obj_exception_attr',
            'parent=&mp_type_MyError',
          ],
        },
      },
    ],
  ])('%s', (_name, { given, want }) => {
    const got = declsOf(given, 'obj_type').map((d) => ({
      name: d.name,
      typeName: d.typeName,
      isStatic: d.isStatic,
      slots: slots(d.slots),
    }));
    expect(got).toEqual([want]);
  });
});
