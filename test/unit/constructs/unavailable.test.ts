import { c, declsOf } from '../helpers';

describe('extractUnavailable', () => {
  test('records nothing: runtime/ provides what shims did, api-check reports the rest', () => {
    const given = c(
      'static mp_obj_t f(mp_obj_t x) {',
      '    mp_hal_delay_ms(1);',
      '    mp_getiter(x, NULL);',
      '    return mp_const_none;',
      '}',
    );
    expect(declsOf(given, 'unavailable')).toEqual([]);
  });
});
