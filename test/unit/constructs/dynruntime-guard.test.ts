import { c, declsOf, extract } from '../helpers';

describe('extractDynruntimeGuards', () => {
  test.each<[string, { given: string; want: string[] }]>([
    [
      '#if !MICROPY_ENABLE_DYNRUNTIME',
      { given: '#if !MICROPY_ENABLE_DYNRUNTIME\n#endif\n', want: ['#if !0 /* natmodgen: was if !MICROPY_ENABLE_DYNRUNTIME */'] },
    ],
    [
      '#if MICROPY_ENABLE_DYNRUNTIME (comment dropped)',
      { given: '#if MICROPY_ENABLE_DYNRUNTIME /* dyn */\n#endif\n', want: ['#if 0 /* natmodgen: was if MICROPY_ENABLE_DYNRUNTIME */'] },
    ],
    [
      '#ifdef becomes #if 0',
      { given: '#ifdef MICROPY_ENABLE_DYNRUNTIME\n#endif\n', want: ['#if 0 /* natmodgen: was ifdef MICROPY_ENABLE_DYNRUNTIME */'] },
    ],
    [
      '#ifndef becomes #if 1',
      { given: '#ifndef MICROPY_ENABLE_DYNRUNTIME\n#endif\n', want: ['#if 1 /* natmodgen: was ifndef MICROPY_ENABLE_DYNRUNTIME */'] },
    ],
    [
      'defined(...) in #elif',
      {
        given: '#if X\n#elif defined(MICROPY_ENABLE_DYNRUNTIME) && Y\n#endif\n',
        want: ['#elif 0 && Y /* natmodgen: was elif defined(MICROPY_ENABLE_DYNRUNTIME) && Y */'],
      },
    ],
    [
      'defined without parentheses',
      {
        given: '#if defined MICROPY_ENABLE_DYNRUNTIME || MICROPY_PY_X\n#endif\n',
        want: ['#if 0 || MICROPY_PY_X /* natmodgen: was if defined MICROPY_ENABLE_DYNRUNTIME || MICROPY_PY_X */'],
      },
    ],
    [
      'a continued line becomes one line',
      {
        given: '#if !MICROPY_ENABLE_DYNRUNTIME && \\\n    X\n#endif\n',
        want: ['#if !0 && X /* natmodgen: was if !MICROPY_ENABLE_DYNRUNTIME && X */'],
      },
    ],
    [
      'inside a table initializer',
      {
        given: c(
          'static const mp_rom_map_elem_t t[] = {',
          '    #if !MICROPY_ENABLE_DYNRUNTIME',
          '    { MP_ROM_QSTR(MP_QSTR_a), MP_ROM_INT(1) },',
          '    #endif',
          '};',
        ),
        want: ['#if !0 /* natmodgen: was if !MICROPY_ENABLE_DYNRUNTIME */'],
      },
    ],
    ['other tests are not guards', { given: '#if MICROPY_PY_X\n#elif defined(Y)\n#endif\n#ifdef Z\n#endif\n', want: [] }],
    [
      '#define and #else / #endif are not guards',
      {
        given: '#define MICROPY_ENABLE_DYNRUNTIME_X 1\n#if A\n#else // MICROPY_ENABLE_DYNRUNTIME\n#endif // MICROPY_ENABLE_DYNRUNTIME\n',
        want: [],
      },
    ],
  ])('%s', (_name, { given, want }) => {
    // Runs of spaces (from comments and continuations) are not significant.
    expect(declsOf(given, 'dynruntime_guard').map((d) => d.text.replace(/\s+/g, ' '))).toEqual(want);
  });

  test('span is the directive line; name is its keyword; condition is the one around it', () => {
    const given = c('#if OUTER', '#ifdef MICROPY_ENABLE_DYNRUNTIME', '#endif', '#endif');
    const [d] = declsOf(given, 'dynruntime_guard');
    expect(d.name).toBe('ifdef');
    expect(given.slice(d.span.start, d.span.end)).toBe('#ifdef MICROPY_ENABLE_DYNRUNTIME');
    expect(d.span).toMatchObject({ line: 2, col: 1 });
    expect(d.cond).toEqual([{ branches: [{ keyword: 'if', arg: 'OUTER' }] }]);
  });

  test.each<[string, { given: string; want: string }]>([
    ['#if', { given: '#if !MICROPY_ENABLE_DYNRUNTIME // why\n#endif\n', want: '#if !0' }],
    ['#ifndef', { given: '#ifndef MICROPY_ENABLE_DYNRUNTIME\n#endif\n', want: '#if 1' }],
    ['#elif', { given: '#if A\n#elif MICROPY_ENABLE_DYNRUNTIME\n#endif\n', want: '#elif 0' }],
  ])('the rewritten directive alone: %s', (_name, { given, want }) => {
    expect(declsOf(given, 'dynruntime_guard').map((d) => d.rewritten)).toEqual([want]);
  });

  test('a comment terminator in the original argument cannot close the note early', () => {
    const [d] = declsOf('#if MICROPY_ENABLE_DYNRUNTIME && A */ B\n#endif\n', 'dynruntime_guard');
    const note = d.text.slice(d.text.indexOf('/* natmodgen:'));
    expect(note.indexOf('*/')).toBe(note.length - 2);
  });

  test('code under the guard gets the firmware-side condition', () => {
    const r = extract(c('#if !MICROPY_ENABLE_DYNRUNTIME', 'static int counter;', '#endif'));
    const [w] = r.model.decls.filter((d) => d.kind === 'writable_data');
    expect(w.cond).toEqual([{ branches: [{ keyword: 'if', arg: '!0' }] }]);
  });
});
