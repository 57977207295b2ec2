import { c, declsOf, PRELUDE } from '../helpers';

describe('extractRootPointers', () => {
  test.each<[string, { given: string; want: Array<{ name: string; template: string }> }]>([
    ['an object', { given: 'MP_REGISTER_ROOT_POINTER(mp_obj_t x_callback);\n', want: [{ name: 'x_callback', template: 'mp_obj_t %s' }] }],
    [
      'a struct pointer',
      { given: 'MP_REGISTER_ROOT_POINTER(struct _x_state_t *x_state);\n', want: [{ name: 'x_state', template: 'struct _x_state_t *%s' }] },
    ],
    [
      'an array',
      { given: 'MP_REGISTER_ROOT_POINTER(mp_obj_t x_buffers[4]);\n', want: [{ name: 'x_buffers', template: 'mp_obj_t %s[4]' }] },
    ],
    [
      'an array sized by a macro',
      {
        given: 'MP_REGISTER_ROOT_POINTER(mp_obj_t x_buffers[X_COUNT]);\n',
        want: [{ name: 'x_buffers', template: 'mp_obj_t %s[X_COUNT]' }],
      },
    ],
    [
      "sized, typed or named by the module's own macros: as expanded (the firmware collects it preprocessed)",
      {
        given: c(
          '#define X_COUNT 4',
          '#define X_ROOT(name) mp_obj_t x_##name[X_COUNT]',
          '#define X_NODE struct _x_node_t',
          'MP_REGISTER_ROOT_POINTER(mp_obj_t x_slots[X_COUNT]);',
          'MP_REGISTER_ROOT_POINTER(X_ROOT(cache));',
          'MP_REGISTER_ROOT_POINTER(X_NODE *x_head);',
        ),
        want: [
          { name: 'x_slots', template: 'mp_obj_t %s[4]' },
          { name: 'x_cache', template: 'mp_obj_t %s[4]' },
          { name: 'x_head', template: 'struct _x_node_t* %s' },
        ],
      },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(declsOf(PRELUDE + given, 'root_pointer').map((d) => ({ name: d.name, template: d.template }))).toEqual(want);
  });

  test('condition and span', () => {
    const given = c('#if MICROPY_PY_X', 'MP_REGISTER_ROOT_POINTER(mp_obj_t x_callback);', '#endif');
    const [d] = declsOf(given, 'root_pointer');
    expect(given.slice(d.span.start, d.span.end)).toBe('MP_REGISTER_ROOT_POINTER(mp_obj_t x_callback);');
    expect(d.cond).toEqual([{ branches: [{ keyword: 'if', arg: 'MICROPY_PY_X' }] }]);
  });
});
