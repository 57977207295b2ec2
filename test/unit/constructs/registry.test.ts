/**
 * The construct registry (src/constructs/index.ts): each registered construct has its
 * query, its templates and its unit test, named after it, and each template a view
 * type names exists. Adding a construct without one of them fails here.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CONSTRUCTS, PLANNERS } from '../../../src/constructs';
import { QUERY_DIR, queryNames } from '../../../src/parse/queries';

const ROOT = path.join(__dirname, '..', '..', '..');
const PARTIALS = path.join(ROOT, 'templates', 'partials');
const FIXTURES = path.join(__dirname, '..', 'queries', 'fixtures');

describe.each(CONSTRUCTS.map((c) => [c.name, c] as const))('construct %s', (name, c) => {
  test('its queries exist, and one is named after it unless it reads tokens or calls only', () => {
    for (const q of c.queries) expect(fs.existsSync(path.join(QUERY_DIR, `${q}.scm`))).toBe(true);
    if (c.queries.length && !c.queries.includes('call')) expect(c.queries).toContain(name);
  });

  test('every query it runs has a fixture', () => {
    for (const q of c.queries) expect(fs.readdirSync(FIXTURES).some((f) => f === `${q}.c` || f.startsWith(`${q}--`))).toBe(true);
  });

  test('its templates exist and are named after it', () => {
    for (const t of c.templates) {
      expect(fs.existsSync(path.join(PARTIALS, `${t}.c.hbs`))).toBe(true);
      expect(t.startsWith(name)).toBe(true);
    }
  });

  test('its source names the templates it lists in view types', () => {
    const src = fs.readFileSync(path.join(ROOT, 'src', 'constructs', `${name}.ts`), 'utf8');
    for (const t of c.templates) expect(src).toContain(`'${t}'`);
  });

  test('it has a unit test', () => {
    expect(fs.existsSync(path.join(__dirname, `${name}.test.ts`))).toBe(true);
  });
});

describe('the registry', () => {
  test('construct names are unique', () => {
    const names = CONSTRUCTS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });

  test('each declaration kind has at most one plan function, and every kind a construct produces has one', () => {
    const kinds = new Set(CONSTRUCTS.map((c) => c.kind));
    const planned = CONSTRUCTS.filter((c) => c.plan).map((c) => c.kind);
    expect(new Set(planned).size).toBe(planned.length);
    for (const k of kinds) expect(PLANNERS[k]).toBeDefined();
  });

  test('every query file is run by a construct or by the file-level extractors', () => {
    const used = new Set([...CONSTRUCTS.flatMap((c) => c.queries), 'call', 'function-definition']);
    expect(queryNames().filter((q) => !used.has(q))).toEqual([]);
  });
});
