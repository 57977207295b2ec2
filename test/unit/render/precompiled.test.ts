/**
 * The build precompiles the templates (scripts/precompile-templates.js); the built library
 * must render byte for byte what the sources render with run-time compiled templates.
 * Needs `npm run build`; says so when dist/ is missing.
 */
import * as fs from 'fs';
import * as path from 'path';
import { generate } from '../../../src/pipeline';

const ROOT = path.join(__dirname, '..', '..', '..');
const PRECOMPILED = path.join(ROOT, 'dist', 'src', 'render', 'templates.precompiled.js');
const built = fs.existsSync(PRECOMPILED);
if (!built) console.warn(`SKIPPED: precompiled templates test: ${PRECOMPILED} missing; run npm run build`);

(built ? describe : describe.skip)('precompiled templates', () => {
  const examples = fs.readdirSync(path.join(ROOT, 'examples')).sort();
  test.each(examples.map((e) => [e]))('%s renders the same from dist/ as from src/', (name) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const dist = require(path.join(ROOT, 'dist', 'src', 'index.js')) as { generate: typeof generate };
    const dir = path.join(ROOT, 'examples', name);
    const inputs = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.c'))
      .sort()
      .map((f) => ({ path: path.join('examples', name, f), text: fs.readFileSync(path.join(dir, f), 'utf8') }));
    const opts = { defines: [], outDir: path.join('build', name) };
    const fromSrc = generate(inputs, opts);
    const fromDist = dist.generate(inputs, opts);
    expect(fromSrc.value.length).toBe(inputs.length);
    expect(fromDist.value).toEqual(fromSrc.value);
  });
});
