import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/**
 * Runs Python on MicroPython's qemu port (ports/qemu, built outside this repository) through
 * its raw REPL on the emulated UART, with a natmod .mpy served from a small in-memory
 * filesystem mounted at /natmod.
 */

export interface QemuBoard {
  /** ports/qemu BOARD name: the firmware is ports/qemu/build-<board>/firmware.elf. */
  board: string;
  /** natmod architecture the board's core runs. */
  arch: string;
  core: string;
  qemu: string;
  args: string[];
}

/** The ports/qemu boards with a natmod architecture, and the qemu command line of ports/qemu/Makefile. */
export const QEMU_BOARDS: QemuBoard[] = [
  {
    board: 'MICROBIT',
    arch: 'armv6m',
    core: 'Cortex-M0',
    qemu: 'qemu-system-arm',
    args: ['-machine', 'microbit', '-global', 'nrf51-soc.flash-size=1048576', '-global', 'nrf51-soc.sram-size=262144'],
  },
  { board: 'MPS2_AN385', arch: 'armv7m', core: 'Cortex-M3', qemu: 'qemu-system-arm', args: ['-machine', 'mps2-an385'] },
  { board: 'MPS2_AN500', arch: 'armv7emdp', core: 'Cortex-M7', qemu: 'qemu-system-arm', args: ['-machine', 'mps2-an500'] },
  { board: 'VIRT_RV32', arch: 'rv32imc', core: 'RISC-V 32', qemu: 'qemu-system-riscv32', args: ['-machine', 'virt', '-bios', 'none'] },
];

export function firmwarePath(qemuPortDir: string, board: QemuBoard): string {
  return path.join(qemuPortDir, `build-${board.board}`, 'firmware.elf');
}

/** A Python bytes literal of `data` (only \xNN escapes, so any byte survives the UART). */
function bytesLiteral(data: Buffer): string {
  let s = "b'";
  for (const b of data) s += `\\x${b.toString(16).padStart(2, '0')}`;
  return `${s}'`;
}

/** Python that mounts a read-only filesystem holding one file, /natmod/<name>, and puts /natmod on sys.path. */
export function mountScript(fileName: string, data: Buffer): string {
  return [
    'import sys, io, vfs',
    `_nm_data = ${bytesLiteral(data)}`,
    'class _NmFile(io.IOBase):',
    '    def __init__(self):',
    '        self.pos = 0',
    '    def readinto(self, buf):',
    '        n = min(len(buf), len(_nm_data) - self.pos)',
    '        buf[:n] = _nm_data[self.pos:self.pos + n]',
    '        self.pos += n',
    '        return n',
    '    def ioctl(self, req, arg):',
    '        return 0 if req == 4 else -1',
    'class _NmFS:',
    '    def mount(self, readonly, mkfs):',
    '        pass',
    '    def umount(self):',
    '        pass',
    '    def chdir(self, p):',
    '        pass',
    '    def stat(self, p):',
    `        if p == ${JSON.stringify('/' + fileName)}:`,
    '            return (0x8000, 0, 0, 0, 0, 0, len(_nm_data), 0, 0, 0)',
    '        raise OSError(2)',
    '    def open(self, p, mode):',
    '        return _NmFile()',
    "vfs.mount(_NmFS(), '/natmod')",
    "sys.path.insert(0, '/natmod')",
    '',
  ].join('\n');
}

/**
 * Python run after the natmod is imported: unmounts the mount script's filesystem and drops its
 * copy of the .mpy (the loaded module no longer reads them) and collects, so the test starts with
 * the heap the import left. A
 * firmware module compared with the natmod runs after collectScript() too (the same collection).
 */
export function releaseMountScript(): string {
  return ["vfs.umount('/natmod')", "sys.path.remove('/natmod')", 'del _nm_data, _NmFile, _NmFS', collectScript()].join('\n');
}

/** Python that collects the heap (gc.collect()) before the test script runs. */
export function collectScript(): string {
  return ['import gc', 'gc.collect()', ''].join('\n');
}

export interface QemuRun {
  stdout: string;
  stderr: string;
  /** Everything the UART printed, for messages. */
  transcript: string;
}

/**
 * Boots the firmware, runs each script in turn in the raw REPL and returns the output of the
 * last one (stderr holds a traceback, if any). Rejects on timeout with the transcript.
 *
 * qemu's UART models drop a byte the guest writes while the previous one is still pending
 * (the nRF51 UART of MICROBIT does, and the ports/qemu firmware does not wait for TXDRDY),
 * and a byte is pending whenever qemu's write to its stdout returns EAGAIN. Node's 'pipe'
 * stdio is a socketpair, whose send buffer counts every 1-byte write as a whole buffer:
 * a few hundred bytes not yet read by a busy Node were enough to lose output. So qemu
 * writes into a real pipe (64 KiB of bytes) drained by `cat`, in a process group of its own
 * that is killed as a whole.
 */
/** Process groups of the qemu runs still going (a test that timed out in jest leaves its run behind). */
const live = new Set<number>();

function killGroup(pid: number | undefined): void {
  try {
    if (pid) process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Kills every qemu run still going: for afterAll, so that no emulator outlives its suite. */
export function killQemuRuns(): void {
  for (const pid of live) killGroup(pid);
  live.clear();
}

export function runOnQemu(board: QemuBoard, firmware: string, scripts: string[], timeoutMs: number): Promise<QemuRun> {
  return new Promise((resolve, reject) => {
    const qemuArgs = [...board.args, '-nographic', '-monitor', 'null', '-semihosting', '-kernel', firmware];
    const child = spawn('/bin/sh', ['-c', '"$0" "$@" | cat', board.qemu, ...qemuArgs], {
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    const killAll = () => {
      if (child.pid) live.delete(child.pid);
      killGroup(child.pid);
    };
    if (child.pid) live.add(child.pid);
    let buf = '';
    let transcript = '';
    // one pending read: a token to wait for, or a byte count
    let waiter: { take: () => string | undefined; done: (s: string) => void } | undefined;
    const check = () => {
      if (!waiter) return;
      const got = waiter.take();
      if (got === undefined) return;
      const w = waiter;
      waiter = undefined;
      w.done(got);
    };
    const wait = (take: () => string | undefined) =>
      new Promise<string>((done) => {
        waiter = { take, done };
        check();
      });
    // everything before the next `token` (the token is consumed)
    const until = (token: string) =>
      wait(() => {
        const i = buf.indexOf(token);
        if (i < 0) return undefined;
        const before = buf.slice(0, i);
        buf = buf.slice(i + token.length);
        return before;
      });
    // the next n bytes, whatever they are
    const nextBytes = (n: number) =>
      wait(() => {
        if (buf.length < n) return undefined;
        const out = buf.slice(0, n);
        buf = buf.slice(n);
        return out;
      });
    child.stdout.on('data', (d: Buffer) => {
      const s = d.toString('latin1');
      buf += s;
      transcript += s;
      check();
    });
    child.stderr.on('data', (d: Buffer) => (transcript += d.toString('latin1')));
    const timer = setTimeout(() => {
      killAll();
      reject(new Error(`qemu ${board.board}: timed out after ${timeoutMs} ms; UART transcript:\n${transcript.slice(-4000)}`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`cannot start ${board.qemu}: ${e.message}`));
    });
    child.on('exit', () => {
      if (!waiter) return;
      clearTimeout(timer);
      reject(new Error(`qemu ${board.board} exited; UART transcript:\n${transcript.slice(-4000)}`));
    });
    const send = (s: string) => child.stdin.write(Buffer.from(s, 'latin1'));
    (async () => {
      send('\r\x03\x03');
      await until('>>> ');
      send('\x01');
      await until('raw REPL; CTRL-B to exit\r\n>');
      let last: QemuRun = { stdout: '', stderr: '', transcript: '' };
      for (const script of scripts) {
        // Raw-paste mode: the device grants a window of bytes and asks for more with \x01,
        // so nothing is lost when its UART receive buffer is small.
        send('\x05A\x01');
        await until('R\x01');
        const win = await nextBytes(2);
        const window = win.charCodeAt(0) | (win.charCodeAt(1) << 8);
        // MicroPython source is UTF-8
        const data = Buffer.from(script.replace(/\r\n/g, '\n'), 'utf8');
        let allowed = window;
        for (let off = 0; off < data.length;) {
          while (allowed === 0) {
            const c = await nextBytes(1);
            if (c === '\x01') allowed += window;
            else if (c === '\x04') throw new Error(`qemu ${board.board}: the device ended the raw paste early`);
          }
          const n = Math.min(allowed, data.length - off);
          child.stdin.write(data.subarray(off, off + n));
          off += n;
          allowed -= n;
        }
        send('\x04');
        // the device acknowledges the end of the data with \x04 (after any pending \x01s)
        await until('\x04');
        const stdout = await until('\x04');
        const stderr = await until('\x04');
        await until('>');
        // the UART carries bytes (read as latin1 to count them); what the script printed is UTF-8
        const text = (bytes: string) => Buffer.from(bytes.replace(/\r\n/g, '\n'), 'latin1').toString('utf8');
        last = { stdout: text(stdout), stderr: text(stderr), transcript };
        if (last.stderr) break;
      }
      clearTimeout(timer);
      killAll();
      resolve({ ...last, transcript });
    })().catch((e: unknown) => {
      clearTimeout(timer);
      killAll();
      reject(e instanceof Error ? e : new Error(String(e)));
    });
  });
}

export function readFirmwares(qemuPortDir: string | undefined): Array<{ board: QemuBoard; firmware: string }> {
  if (!qemuPortDir) return [];
  return QEMU_BOARDS.map((board) => ({ board, firmware: firmwarePath(qemuPortDir, board) })).filter((b) => fs.existsSync(b.firmware));
}
