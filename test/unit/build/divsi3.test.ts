import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// make/runtime-fallback/divsi3.c, compiled for the host, against the host's own division and multiplication.
test('natmodgen division and 64-bit multiplication helpers agree with C (host gcc)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nmg-div-'));
  const src = path.resolve(__dirname, '..', '..', '..', 'make', 'runtime-fallback', 'divsi3.c');
  const main = `#include <stdint.h>
#include <stdio.h>
uint32_t __udivsi3(uint32_t, uint32_t); uint32_t __umodsi3(uint32_t, uint32_t);
int32_t __divsi3(int32_t, int32_t); int32_t __modsi3(int32_t, int32_t);
uint64_t __umulsidi3(uint32_t, uint32_t); uint64_t __muldi3(uint64_t, uint64_t);
uint64_t __udivdi3(uint64_t, uint64_t); uint64_t __umoddi3(uint64_t, uint64_t); int64_t __divdi3(int64_t, int64_t);
int main(void) {
  static const int32_t v[] = {0, 1, -1, 2, -2, 3, 7, -7, 10, 100, -100, 12345, -98765, 65536, 2147483647, -2147483647};
  int bad = 0, n = sizeof v / sizeof v[0];
  for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
    if (v[j] == 0) continue;
    if (__divsi3(v[i], v[j]) != v[i] / v[j] || __modsi3(v[i], v[j]) != v[i] % v[j]) bad++;
    uint32_t a = (uint32_t)v[i], b = (uint32_t)v[j];
    if (__udivsi3(a, b) != a / b || __umodsi3(a, b) != a % b) bad++;
  }
  static const int64_t w[] = {0, 1, -1, 3, -7, 255, 65537, -1000003, 4294967295LL, 4294967296LL, -4294967297LL,
    123456789012345LL, -98765432109876LL, 9223372036854775807LL, -9223372036854775807LL};
  int m = sizeof w / sizeof w[0];
  for (int i = 0; i < m; i++) for (int j = 0; j < m; j++) {
    uint64_t a = (uint64_t)w[i], b = (uint64_t)w[j];
    if (__muldi3(a, b) != a * b || __umulsidi3((uint32_t)a, (uint32_t)b) != (uint64_t)(uint32_t)a * (uint32_t)b) bad++;
    if (w[j] == 0) continue;
    if (__udivdi3(a, b) != a / b || __umoddi3(a, b) != a % b || __divdi3(w[i], w[j]) != w[i] / w[j]) bad++;
  }
  printf("%d\\n", bad);
  return 0;
}
`;
  fs.writeFileSync(path.join(dir, 'main.c'), main);
  // -fno-builtin keeps gcc from treating the helpers as its own
  const cc = spawnSync('gcc', ['-O1', '-fno-builtin', '-o', path.join(dir, 't'), path.join(dir, 'main.c'), src], { encoding: 'utf8' });
  expect(cc.stderr).toBe('');
  const r = spawnSync(path.join(dir, 't'), { encoding: 'utf8' });
  expect(r.stdout.trim()).toBe('0');
  fs.rmSync(dir, { recursive: true, force: true });
});
