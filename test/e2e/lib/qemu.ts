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

export interface QemuRun {
  stdout: string;
  stderr: string;
  /** Everything the UART printed, for messages. */
  transcript: string;
}

/**
 * Boots the firmware, runs each script in turn in the raw REPL and returns the output of the
 * last one (stderr holds a traceback, if any). Rejects on timeout with the transcript.
 */
export function runOnQemu(board: QemuBoard, firmware: string, scripts: string[], timeoutMs: number): Promise<QemuRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(board.qemu, [...board.args, '-nographic', '-monitor', 'null', '-semihosting', '-kernel', firmware], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let buf = '';
    let transcript = '';
    let waiter: { token: string; done: (rest: string) => void } | undefined;
    const check = () => {
      if (!waiter) return;
      const i = buf.indexOf(waiter.token);
      if (i < 0) return;
      const before = buf.slice(0, i);
      buf = buf.slice(i + waiter.token.length);
      const w = waiter;
      waiter = undefined;
      w.done(before);
    };
    // the next n bytes, whatever they are
    const nextBytes = (n: number) =>
      new Promise<string>((done) => {
        const poll = () => {
          if (buf.length >= n) {
            const out = buf.slice(0, n);
            buf = buf.slice(n);
            done(out);
          } else setTimeout(poll, 5);
        };
        poll();
      });
    const until = (token: string) =>
      new Promise<string>((done) => {
        waiter = { token, done };
        check();
      });
    child.stdout.on('data', (d: Buffer) => {
      const s = d.toString('latin1');
      buf += s;
      transcript += s;
      check();
    });
    child.stderr.on('data', (d: Buffer) => (transcript += d.toString('latin1')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`qemu ${board.board}: timed out after ${timeoutMs} ms; UART transcript:\n${transcript.slice(-4000)}`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`cannot start ${board.qemu}: ${e.message}`));
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
        const data = Buffer.from(script.replace(/\r\n/g, '\n'), 'latin1');
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
        last = { stdout: stdout.replace(/\r\n/g, '\n'), stderr: stderr.replace(/\r\n/g, '\n'), transcript };
        if (last.stderr) break;
      }
      clearTimeout(timer);
      child.kill('SIGKILL');
      resolve({ ...last, transcript });
    })().catch((e: unknown) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(e instanceof Error ? e : new Error(String(e)));
    });
  });
}

export function readFirmwares(qemuPortDir: string | undefined): Array<{ board: QemuBoard; firmware: string }> {
  if (!qemuPortDir) return [];
  return QEMU_BOARDS.map((board) => ({ board, firmware: firmwarePath(qemuPortDir, board) })).filter((b) => fs.existsSync(b.firmware));
}
