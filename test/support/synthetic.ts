/** The benchmark's synthetic module generator (bench/synthetic.cjs), typed for tests. */
interface SyntheticOptions {
  classes?: number;
  perClass?: number;
  name?: string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const gen = require('../../bench/synthetic.cjs') as {
  syntheticModule(o?: SyntheticOptions): string;
  syntheticOfSize(bytes: number, o?: SyntheticOptions): string;
};

/** A valid user C module with `classes` classes (about 6.8 KB each). */
export function syntheticModuleText(classes: number, opts: SyntheticOptions = {}): string {
  return gen.syntheticModule({ ...opts, classes });
}

export function syntheticOfSize(bytes: number, opts: SyntheticOptions = {}): string {
  return gen.syntheticOfSize(bytes, opts);
}
