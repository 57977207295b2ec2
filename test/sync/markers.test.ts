// Markers are natmodgen's only where natmodgen wrote them: text that looks like a marker
// in a user's comment, string or unsynced file keeps its meaning.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../support/cli';
import { commentOpenAfter, unsync } from '../../src/sync/unsync';

const MODULE = (body: string) =>
  [
    '#include "py/runtime.h"',
    body,
    'static mp_obj_t get(void) {',
    '    int v = 1; /* natmodgen:was int v = 2; */',
    '    const char *s = " /* natmodgen:was ";',
    '    (void)s;',
    '    return mp_obj_new_int(v + V);',
    '}',
    'static MP_DEFINE_CONST_FUN_OBJ_0(get_obj, get);',
    'static const mp_rom_map_elem_t g_table[] = {',
    '    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_mk) },',
    '    { MP_ROM_QSTR(MP_QSTR_get), MP_ROM_PTR(&get_obj) },',
    '};',
    'static MP_DEFINE_CONST_DICT(g, g_table);',
    'const mp_obj_module_t mk_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&g };',
    'MP_REGISTER_MODULE(MP_QSTR_mk, mk_module);',
    '',
  ].join('\n');

describe('marker text in user code', () => {
  const src = MODULE('#define V 10 /* natmodgen:was #define V 20 */\n/* a note:\n#endif /* natmodgen:end 0123456789ab */');

  test('unsync leaves an unsynced file exactly as it is', () => {
    const u = unsync(src);
    expect(u.synced).toBe(false);
    expect(u.text).toBe(src);
  });

  test('a file without any marker text reads as one that has marker text only in comments', () => {
    const plain = MODULE('#define V 10').replace(/natmodgen:was/g, 'note');
    expect(plain).not.toContain('natmodgen:');
    const u = unsync(plain);
    const walked = unsync(`${plain}// natmodgen: a note\n`);
    expect(u).toEqual({ text: plain, synced: false, blocks: [], lineMap: walked.lineMap.slice(0, plain.split('\n').length) });
    expect(walked.synced).toBe(false);
    expect(walked.text).toBe(`${plain}// natmodgen: a note\n`);
  });

  test('gen keeps the meaning: the comment and the string are not markers (exit 0, v = 1, V = 10)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-markers-'));
    fs.writeFileSync(path.join(dir, 'mk.c'), src);
    const r = await runCli(['gen', 'mk.c'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('int v = 1; /* natmodgen:was int v = 2; */');
    expect(r.stdout).toContain('const char *s = " /* natmodgen:was ";');
    expect(r.stdout).toContain('#define V 10 /* natmodgen:was #define V 20 */');
    expect(r.stdout).not.toMatch(/^\s*int v = 2;/m);
  });

  test('sync keeps them as user code through a round trip', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-markers-'));
    fs.writeFileSync(path.join(dir, 'mk.c'), src);
    expect((await runCli(['sync', 'mk.c'], dir)).code).toBe(0);
    const synced = fs.readFileSync(path.join(dir, 'mk.c'), 'utf8');
    expect(unsync(synced).text).toBe(src);
    const again = await runCli(['sync', '--check', 'mk.c'], dir);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
  });
});

describe('commentOpenAfter', () => {
  test.each<[string, boolean, boolean]>([
    ['int x; /* open', false, true],
    ['still */ int y;', true, false],
    ['"/*" not a comment', false, false],
    ["'/' '*'", false, false],
    ['// /* line comment', false, false],
    ['/* a */ /* b', false, true],
  ])('%j (open before: %s)', (line, before, after) => {
    expect(commentOpenAfter(line, before)).toBe(after);
  });
});
