import * as fs from 'fs';
import { runAsync } from './proc';

/**
 * The unused tail of an ARM compiler-runtime helper, cut off before mpy_ld sees it.
 *
 * libgcc's soft-float arithmetic is hand-written assembly with several functions in one
 * object and one .text section (ieee754-sf.S: _arm_muldivsf3.o holds __aeabi_fmul and
 * __aeabi_fdiv, _arm_addsubsf3.o __aeabi_fadd/fsub with the int-to-float conversions after
 * them). A linker takes a member whole, and mpy_ld puts every byte of its .text into the
 * .mpy: a module that multiplies floats also carries the division, 310 bytes on Thumb-2.
 * Where the functions the link needs all lie before the ones it does not, and nothing in
 * the kept part reaches past it (checked on the disassembly: every branch and literal
 * target, no computed jumps), the section is cut after the last needed function and the
 * symbols of the cut part are removed. Anything else is left whole.
 */

const EM_ARM = 40;
const SHT_SYMTAB = 2;
const SHT_RELA = 4;
const SHT_NOBITS = 8;
const SHT_REL = 9;
const SHF_ALLOC = 0x2;
const SHF_EXECINSTR = 0x4;
const STB_GLOBAL = 1;
const STB_WEAK = 2;

export interface Elf32Section {
  index: number;
  name: string;
  type: number;
  flags: number;
  offset: number;
  size: number;
  info: number;
}

export interface Elf32Symbol {
  name: string;
  value: number;
  size: number;
  bind: number;
  shndx: number;
}

export interface Elf32 {
  machine: number;
  sections: Elf32Section[];
  symbols: Elf32Symbol[];
}

const cstring = (buf: Buffer, at: number): string => {
  const end = buf.indexOf(0, at);
  return buf.toString('latin1', at, end < 0 ? buf.length : end);
};

/** The sections and symbols of a little-endian 32-bit ELF relocatable object; undefined for anything else. */
export function readElf32(buf: Buffer): Elf32 | undefined {
  if (buf.length < 52 || buf.readUInt32BE(0) !== 0x7f454c46 || buf[4] !== 1 || buf[5] !== 1) return undefined;
  const machine = buf.readUInt16LE(18);
  const shoff = buf.readUInt32LE(32);
  const shentsize = buf.readUInt16LE(46);
  const shnum = buf.readUInt16LE(48);
  const shstrndx = buf.readUInt16LE(50);
  if (shentsize < 40 || shoff + shnum * shentsize > buf.length || shstrndx >= shnum) return undefined;
  const raw = Array.from({ length: shnum }, (_, i) => {
    const at = shoff + i * shentsize;
    return {
      nameAt: buf.readUInt32LE(at),
      type: buf.readUInt32LE(at + 4),
      flags: buf.readUInt32LE(at + 8),
      offset: buf.readUInt32LE(at + 16),
      size: buf.readUInt32LE(at + 20),
      link: buf.readUInt32LE(at + 24),
      info: buf.readUInt32LE(at + 28),
      entsize: buf.readUInt32LE(at + 36),
    };
  });
  const within = (s: { type: number; offset: number; size: number }) => s.type === SHT_NOBITS || s.offset + s.size <= buf.length;
  if (!raw.every(within)) return undefined;
  const shstr = raw[shstrndx];
  const sections = raw.map((s, index) => ({
    index,
    name: cstring(buf, shstr.offset + s.nameAt),
    type: s.type,
    flags: s.flags,
    offset: s.offset,
    size: s.size,
    info: s.info,
  }));
  const symbols: Elf32Symbol[] = [];
  const symtab = raw.find((s) => s.type === SHT_SYMTAB);
  if (symtab && symtab.entsize >= 16 && symtab.link < shnum) {
    const strtab = raw[symtab.link];
    for (let at = symtab.offset; at + 16 <= symtab.offset + symtab.size; at += symtab.entsize) {
      symbols.push({
        name: cstring(buf, strtab.offset + buf.readUInt32LE(at)),
        value: buf.readUInt32LE(at + 4),
        size: buf.readUInt32LE(at + 8),
        bind: buf[at + 12] >> 4,
        shndx: buf.readUInt16LE(at + 14),
      });
    }
  }
  return { machine, sections, symbols };
}

export interface TrimPlan {
  /** The .text bytes kept: [0, cut). */
  cut: number;
  /** The global symbols defined in the cut part, removed with it. */
  strip: string[];
}

/**
 * Where an ARM helper's .text can end so that the `needed` functions stay whole: after the
 * last of them, when every function that starts there or later is unneeded. Undefined when
 * nothing can go or the object is not the simple shape this handles: ARM, one non-empty
 * allocated section (.text, code), no relocations against it, every needed symbol sized.
 */
export function planTrim(elf: Elf32, needed: ReadonlySet<string>): TrimPlan | undefined {
  if (elf.machine !== EM_ARM) return undefined;
  const alloc = elf.sections.filter((s) => s.flags & SHF_ALLOC && s.size > 0);
  if (alloc.length !== 1 || alloc[0].name !== '.text' || !(alloc[0].flags & SHF_EXECINSTR) || alloc[0].type === SHT_NOBITS)
    return undefined;
  const text = alloc[0];
  if (elf.sections.some((s) => (s.type === SHT_REL || s.type === SHT_RELA) && s.info === text.index)) return undefined;
  const globals = elf.symbols.filter((s) => s.shndx === text.index && (s.bind === STB_GLOBAL || s.bind === STB_WEAK));
  // Thumb function symbols have bit 0 set
  const start = (s: Elf32Symbol) => s.value & ~1;
  const kept = globals.filter((s) => needed.has(s.name));
  if (!kept.length || kept.some((s) => s.size === 0)) return undefined;
  const cut = Math.max(...kept.map((s) => start(s) + s.size));
  if (cut >= text.size) return undefined;
  // a symbol that starts in the kept part must end there: no function is cut in two
  if (globals.some((s) => start(s) < cut && start(s) + s.size > cut)) return undefined;
  const strip = [...new Set(globals.filter((s) => start(s) >= cut).map((s) => s.name))].sort();
  return { cut, strip };
}

/** objdump's `addr <symbol+off>` and `@ (addr <...>)` annotations: branch and literal targets. */
const TARGET = /\b([0-9a-f]+) <[^>]*>/g;
/** Jumps whose target is computed, and pc as a source operand, make the kept part's reach unknown. */
const COMPUTED = /^(?:tbb|tbh)\b/;

/**
 * Whether the instructions `objdump -d` lists below `cut` stay below it: every annotated
 * target lies there, no table branch, and pc is read only as the base of a literal load
 * (`[pc, #n]`, whose target objdump annotates) or written by a return.
 */
export function staysBelow(objdump: string, cut: number): boolean {
  let seen = false;
  for (const line of objdump.split('\n')) {
    const m = /^\s*([0-9a-f]+):\t(?:[0-9a-f]{2,8} ?)*\s*\t(\S+)\s*(.*)$/.exec(line);
    if (!m) continue;
    const addr = parseInt(m[1], 16);
    if (addr >= cut) continue;
    seen = true;
    const [mnemonic, rest] = [m[2], m[3]];
    if (mnemonic.startsWith('.')) continue; // literal data (.word, .short)
    if (COMPUTED.test(mnemonic)) return false;
    for (const t of rest.matchAll(TARGET)) if (parseInt(t[1], 16) >= cut) return false;
    const operands = rest.replace(/[;@].*$/, '').replace(/\[pc(?:, #-?\d+)?\]/g, '');
    if (/\bpc\b/.test(operands) && !isReturn(mnemonic, operands)) return false;
  }
  return seen;
}

/** A write of pc that returns: pop {..., pc}, ldm sp!, {..., pc}, ldr pc, [sp], #4, mov pc, lr (any condition). */
function isReturn(mnemonic: string, operands: string): boolean {
  const op = mnemonic.replace(/\.[nw]$/, '');
  if (op.startsWith('pop') || (op.startsWith('ldm') && /^sp!?,/.test(operands))) return /\{[^}]*\bpc\}/.test(operands);
  if (op.startsWith('ldr')) return /^pc, \[sp\]/.test(operands);
  if (op.startsWith('mov')) return operands.trim() === 'pc, lr';
  return false;
}

/**
 * Cuts the unused tail off one extracted helper object in place (see the file comment);
 * true when it did. The object keeps its other sections; debug sections go, as they
 * name the removed symbols and mpy_ld never reads them.
 */
export async function trimHelper(cross: string, file: string, needed: ReadonlySet<string>): Promise<boolean> {
  const buf = fs.readFileSync(file);
  const elf = readElf32(buf);
  const plan = elf && planTrim(elf, needed);
  if (!elf || !plan) return false;
  const dis = await runAsync(`${cross}objdump`, ['-d', '-j', '.text', file]);
  if (dis.code !== 0 || !staysBelow(dis.stdout, plan.cut)) return false;
  const text = elf.sections.find((s) => s.name === '.text')!;
  const bin = `${file}.text`;
  const out = `${file}.trim`;
  try {
    fs.writeFileSync(bin, buf.subarray(text.offset, text.offset + plan.cut));
    const r = await runAsync(`${cross}objcopy`, [
      '--strip-debug',
      `--update-section=.text=${bin}`,
      ...plan.strip.map((s) => `--strip-symbol=${s}`),
      file,
      out,
    ]);
    if (r.code !== 0) return false;
    fs.renameSync(out, file);
    return true;
  } finally {
    fs.rmSync(bin, { force: true });
    fs.rmSync(out, { force: true });
  }
}
