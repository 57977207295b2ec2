import { PLANNERS } from '../../../src/constructs';
import { planUnits } from '../../../src/plan';
import { renderParts, renderView } from '../../../src/render';
import { resolveModule } from '../../../src/resolve';
import { c, declsOf, models, PRELUDE } from '../helpers';

const MODULE = c(
  PRELUDE,
  'static const mp_rom_map_elem_t m_globals_table[] = {',
  '    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_m) },',
  '};',
  'static MP_DEFINE_CONST_DICT(m_globals, m_globals_table);',
  'const mp_obj_module_t m_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&m_globals };',
  'MP_REGISTER_MODULE(MP_QSTR_m, m_module);',
);

/** The rendered text of every edit of the delegation lines, for a module with these extra lines. */
function delegationEdits(extra: string): string[] {
  const text = MODULE + extra;
  const r = resolveModule(models([text]));
  const views = planUnits({ module: r.value!, defines: [], outRel: ['unit0.c'], outDir: '.', mode: 'gen' }, PLANNERS);
  return renderParts(views[0])
    .edits.filter((e) => text.slice(e.start, e.end).startsWith('MP_REGISTER_MODULE_DELEGATION'))
    .map((e) => e.text);
}

describe('delegation', () => {
  test.each<[string, { given: string; want: Array<{ moduleObj: string; handler: string }> }]>([
    [
      'with a semicolon',
      { given: 'MP_REGISTER_MODULE_DELEGATION(m_module, m_attr);\n', want: [{ moduleObj: 'm_module', handler: 'm_attr' }] },
    ],
    ['without one', { given: 'MP_REGISTER_MODULE_DELEGATION(m_module, m_attr)\n', want: [{ moduleObj: 'm_module', handler: 'm_attr' }] }],
    ['with the wrong number of arguments', { given: 'MP_REGISTER_MODULE_DELEGATION(m_module);\n', want: [] }],
    [
      "the module object through the module's macro (read expanded, as makemoduledefs.py does)",
      {
        given: c('#define MOD m_module', 'MP_REGISTER_MODULE_DELEGATION(MOD, m_attr);'),
        want: [{ moduleObj: 'm_module', handler: 'm_attr' }],
      },
    ],
  ])('extracts %s', (_name, { given, want }) => {
    expect(declsOf(c(PRELUDE, given), 'delegation').map((d) => ({ moduleObj: d.moduleObj, handler: d.handler }))).toEqual(want);
  });

  test.each<[string, { given: string; want: RegExp[] }]>([
    [
      'of the registered module: a __getattr__ asking the handler',
      {
        given: 'MP_REGISTER_MODULE_DELEGATION(m_module, m_attr);\n',
        want: [/static mp_obj_t natmodgen_module_getattr\(mp_obj_t natmodgen_attr_in\)/, /m_attr\(natmodgen_module_self, /],
      },
    ],
    [
      'of another module object: removed',
      {
        given: 'MP_REGISTER_MODULE_DELEGATION(other_module, m_attr);\n',
        want: [/^\/\* natmodgen: delegation for other_module is built by mpy_init \*\/$/],
      },
    ],
    [
      "of the registered module named through the module's macro: the same __getattr__",
      {
        given: c('#define MOD m_module', 'MP_REGISTER_MODULE_DELEGATION(MOD, m_attr);'),
        want: [/static mp_obj_t natmodgen_module_getattr\(mp_obj_t natmodgen_attr_in\)/, /m_attr\(natmodgen_module_self, /],
      },
    ],
  ])('plans a delegation %s', (_name, { given, want }) => {
    const edits = delegationEdits(given);
    expect(edits).toHaveLength(1);
    for (const w of want) expect(edits[0]).toMatch(w);
  });

  test('the store view renders the two statements mpy_init runs', () => {
    expect(renderView({ partial: 'delegation-store' })).toBe(
      c(
        '    natmodgen_module_self = MP_OBJ_FROM_PTR(&self->context->module);',
        '    mp_store_global(MP_QSTR___getattr__, MP_OBJ_FROM_PTR(&natmodgen_module_getattr_obj));',
      ),
    );
  });
});
