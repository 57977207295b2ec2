/**
 * prepareSync (src/pipeline/sync.ts): the language server publishes a sync's diagnostics before
 * it plans and renders C. Those diagnostics must be syncSources' own, and complete() its result,
 * for unsynced, synced and hand-edited inputs.
 */
import * as fs from 'fs';
import * as path from 'path';
import { prepareSync, syncSources } from '../../../src/pipeline/sync';

const EXAMPLES = path.join(__dirname, '..', '..', '..', 'examples');

const examples = fs
  .readdirSync(EXAMPLES)
  .sort()
  .map((d) => path.join(EXAMPLES, d))
  .filter((d) => fs.statSync(d).isDirectory())
  .map((d): [string, Array<{ path: string; text: string }>] => [
    path.basename(d),
    fs
      .readdirSync(d)
      .filter((f) => f.endsWith('.c'))
      .sort()
      .map((f) => ({ path: path.join(d, f), text: fs.readFileSync(path.join(d, f), 'utf8') })),
  ]);

const opts = { defines: [], force: false };

describe('prepareSync', () => {
  test.each(examples)('%s: the diagnostics and the result of syncSources, unsynced and synced', (_name, inputs) => {
    const want = syncSources(inputs, opts);
    expect(want.value.length).toBe(inputs.length);
    const prepared = prepareSync(inputs, opts);
    expect(prepared.diagnostics).toEqual(want.diagnostics);
    expect(prepared.complete()).toEqual(want);
    // Rendered once: the same result object on every call.
    expect(prepared.complete()).toBe(prepared.complete());
    const synced = want.value.map((f) => ({ path: f.path, text: f.text }));
    expect(prepareSync(synced, opts).diagnostics).toEqual(syncSources(synced, opts).diagnostics);
    expect(prepareSync(synced, opts).complete()).toEqual(syncSources(synced, opts));
  });

  test('a hand-edited natmodgen block: NMG5001 is among the diagnostics before complete() is called', () => {
    const [, inputs] = examples.find(([n]) => n === 'functions')!;
    const synced = syncSources(inputs, opts).value[0].text;
    const lines = synced.split('\n');
    const inBlock = lines.findIndex((l) => l.includes('MP_DYNRUNTIME_INIT_ENTRY'));
    expect(inBlock).toBeGreaterThan(0);
    lines[inBlock] += ' // edited';
    const edited = [{ path: inputs[0].path, text: lines.join('\n') }];
    const want = syncSources(edited, opts);
    expect(want.diagnostics.map((d) => d.code)).toContain('NMG5001');
    const prepared = prepareSync(edited, opts);
    expect(prepared.diagnostics).toEqual(want.diagnostics);
    expect(prepared.complete()).toEqual(want);
  });
});
