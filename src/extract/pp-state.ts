import { Token } from '../parse/tokens';
import { evaluate, Known, MacroTable } from './pp-expr';
import { CondBranch, firmwareSide } from '../model/condition';

/** Whether code at a token is compiled: definitely, definitely not, or it depends on what natmodgen cannot see. */
export type Liveness = 'on' | 'off' | 'unknown';

interface Frame {
  /** Liveness of the enclosing region. */
  outer: Liveness;
  /** Whether an earlier branch of this chain was taken: true, false, or unknown. */
  taken: Known;
  current: Liveness;
}

/**
 * Walks the directives in order like a preprocessor would, with the `-D` macros
 * and the file's own `#define`/`#undef`, recording the liveness of every token.
 */
export function mapLiveness(tokens: Token[], defines: Array<{ name: string; body: string }>): Liveness[] {
  const table = new Map<string, string | null>();
  for (const d of defines) table.set(d.name.replace(/\(.*$/, ''), /\(/.test(d.name) ? '' : d.body);
  const macros: MacroTable = { get: (n) => table.get(n) };
  const out: Liveness[] = new Array(tokens.length);
  const stack: Frame[] = [];
  let live: Liveness = 'on';
  const branch = (f: Frame, value: Known): Liveness => {
    if (f.outer === 'off' || f.taken === 1) return 'off';
    if (value === 0) return 'off';
    if (value === undefined || f.taken === undefined || f.outer === 'unknown') return value === 0 ? 'off' : 'unknown';
    return 'on';
  };
  tokens.forEach((t, i) => {
    const d = t.directive;
    out[i] = live;
    if (!d) return;
    const cond = (): Known => {
      // Tests of MICROPY_ENABLE_DYNRUNTIME read as the generated code will: the firmware side.
      const b = firmwareSide({ keyword: d.keyword as CondBranch['keyword'], arg: d.arg });
      if (b.keyword === 'ifdef' || b.keyword === 'elifdef') return evaluate(`defined(${b.arg})`, macros);
      if (b.keyword === 'ifndef' || b.keyword === 'elifndef') return evaluate(`!defined(${b.arg})`, macros);
      return evaluate(b.arg, macros);
    };
    switch (d.keyword) {
      case 'if':
      case 'ifdef':
      case 'ifndef': {
        const v = cond();
        const f: Frame = { outer: live, taken: 0, current: 'off' };
        f.current = branch(f, v);
        f.taken = v === undefined ? undefined : v ? 1 : 0;
        stack.push(f);
        live = f.current;
        break;
      }
      case 'elif':
      case 'elifdef':
      case 'elifndef':
      case 'else': {
        const f = stack[stack.length - 1];
        if (!f) break;
        const v = d.keyword === 'else' ? 1 : cond();
        f.current = branch(f, v);
        if (f.taken !== 1) f.taken = f.taken === undefined || v === undefined ? (v === 0 ? f.taken : undefined) : v ? 1 : 0;
        live = f.current;
        break;
      }
      case 'endif': {
        const f = stack.pop();
        if (f) live = f.outer;
        break;
      }
      case 'define': {
        const m = /^([A-Za-z_]\w*)(\()?\s*(.*)$/s.exec(d.arg);
        if (!m || live === 'off') break;
        if (live === 'unknown') table.delete(m[1]);
        else table.set(m[1], m[2] ? '' : m[3]);
        break;
      }
      case 'undef':
        if (live === 'on') table.set(d.arg.trim(), null);
        else if (live === 'unknown') table.delete(d.arg.trim());
        break;
      default:
        break;
    }
  });
  return out;
}
