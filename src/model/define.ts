/** A `-D NAME[=VALUE]` or `-D 'F(x)=body'` as the compiler takes it: parsed once, used by every stage. */
export interface Define {
  /** What `#define` names: `F(x)` for a function-like macro. */
  name: string;
  /** The replacement (`1` when none was given). */
  body: string;
  /** The macro's name alone, for `#ifndef`. */
  bare: string;
}

export function parseDefine(d: string): Define {
  const eq = d.indexOf('=');
  const name = eq < 0 ? d : d.slice(0, eq);
  return { name, body: eq < 0 ? '1' : d.slice(eq + 1), bare: name.replace(/\(.*$/, '') };
}
