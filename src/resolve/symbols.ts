import { Decl, FileModel } from '../model/declarations';

/** Declarations by name, looked up the way C links them: the same file first, then non-static ones elsewhere. */
export class SymbolTable {
  private readonly byName = new Map<string, Decl[]>();
  constructor(readonly files: FileModel[]) {
    for (const f of files) {
      for (const d of f.decls) {
        const list = this.byName.get(d.name) ?? [];
        list.push(d);
        this.byName.set(d.name, list);
      }
    }
  }

  lookup<K extends Decl['kind']>(name: string, fromUnit: number, kinds: K[]): Extract<Decl, { kind: K }> | undefined {
    const all = (this.byName.get(name) ?? []).filter((d): d is Extract<Decl, { kind: K }> => (kinds as string[]).includes(d.kind));
    return all.find((d) => d.unit === fromUnit) ?? all.find((d) => !d.isStatic);
  }

  /** True when the name occurs anywhere in the inputs outside ROM tables (declared by some means natmodgen does not model). */
  mentioned(name: string): boolean {
    return this.files.some((f) => f.identifiers.has(name));
  }
}
