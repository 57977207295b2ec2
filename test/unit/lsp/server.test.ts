/**
 * The LSP server in-process, over a pair of streams, with a JSON-RPC client: diagnostics
 * on open and change, formatting = sync, code actions (NMG5001 quick fix, sync), helper
 * files of a multi-file module, and no crash on hostile text.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PassThrough } from 'stream';
import { pathToFileURL } from 'url';
import {
  createConnection,
  createMessageConnection,
  MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { startServer } from '../../../src/lsp/server';
import { syncSources } from '../../../src/pipeline/sync';
import { runCli } from '../../support/cli';

const ROOT = path.join(__dirname, '..', '..', '..');

interface Position {
  line: number;
  character: number;
}

interface Published {
  uri: string;
  version?: number;
  diagnostics: Array<{ code: string; severity: number; message: string; range: { start: { line: number; character: number } } }>;
}

class Client {
  readonly conn: MessageConnection;
  private readonly waiting: Array<{ uri: string; version: number; resolve: (p: Published) => void }> = [];
  readonly published: Published[] = [];

  constructor() {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    startServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)), {});
    this.conn = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      this.published.push(p);
      for (const w of this.waiting.filter((x) => x.uri === p.uri && x.version === p.version)) w.resolve(p);
    });
    this.conn.listen();
  }

  capabilities: { textDocumentSync?: unknown } = {};

  async init(): Promise<void> {
    const r: { capabilities: { textDocumentSync?: unknown } } = await this.conn.sendRequest('initialize', {
      processId: null,
      rootUri: null,
      capabilities: {},
    });
    this.capabilities = r.capabilities;
    await this.conn.sendNotification('initialized', {});
  }

  diagnostics(uri: string, version: number): Promise<Published> {
    const done = this.published.find((p) => p.uri === uri && p.version === version);
    if (done) return Promise.resolve(done);
    return new Promise((resolve) => this.waiting.push({ uri, version, resolve }));
  }

  async open(uri: string, text: string, version = 1): Promise<Published> {
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'c', version, text } });
    return this.diagnostics(uri, version);
  }

  async change(uri: string, text: string, version: number): Promise<Published> {
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return this.diagnostics(uri, version);
  }

  /** A change of one range, as editors send it to a server that asks for incremental sync. */
  async changeRange(uri: string, range: { start: Position; end: Position }, text: string, version: number): Promise<Published> {
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return this.diagnostics(uri, version);
  }

  format(uri: string): Promise<Array<{ newText: string }> | null> {
    return this.conn.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
  }

  codeActions(
    uri: string,
    diagnostics: unknown[],
  ): Promise<Array<{ title: string; kind: string; edit: { changes: Record<string, Array<{ newText: string }>> } }>> {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return this.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } });
  }

  dispose(): void {
    this.conn.dispose();
  }
}

/** A one-function module with `extra` after its first #include. */
const moduleWith = (extra: string): string =>
  [
    '#include "py/runtime.h"',
    extra,
    'static mp_obj_t get(void) { return mp_obj_new_int(1); }',
    'static MP_DEFINE_CONST_FUN_OBJ_0(get_obj, get);',
    'static const mp_rom_map_elem_t g_table[] = {',
    '    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_nm) },',
    '    { MP_ROM_QSTR(MP_QSTR_get), MP_ROM_PTR(&get_obj) },',
    '};',
    'static MP_DEFINE_CONST_DICT(g, g_table);',
    'const mp_obj_module_t nm_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&g };',
    'MP_REGISTER_MODULE(MP_QSTR_nm, nm_module);',
    '',
  ].join('\n');

const example = (rel: string): string => fs.readFileSync(path.join(ROOT, 'examples', rel), 'utf8');

describe('natmodgen lsp (in-process)', () => {
  let client: Client;
  let tmp: string;
  beforeEach(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'natmodgen-lsp-unit-'));
    client = new Client();
    await client.init();
  });
  afterEach(() => {
    client.dispose();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('diagnostics on open and change, formatting is sync of the buffer', async () => {
    const file = path.join(tmp, 'functions.c');
    const uri = pathToFileURL(file).href;
    const text = example('functions/functions.c');
    expect((await client.open(uri, text)).diagnostics).toEqual([]);
    const edits = await client.format(uri);
    const want = syncSources([{ path: file, text }], { defines: [], force: false }).value[0].text;
    expect(edits).toHaveLength(1);
    expect(edits![0].newText).toBe(want);

    const broken = text.replace('MP_ROM_PTR(&nmg_functions_square_obj)', 'MP_ROM_PTR(&nmg_functions_nothing_obj)');
    const p = await client.change(uri, broken, 2);
    const line = broken.split('\n').findIndex((l) => l.includes('nmg_functions_nothing_obj'));
    expect(p.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['NMG2005', line]]);
    expect(await client.format(uri)).toBeNull();
    // Formatting a synced buffer changes nothing.
    expect((await client.change(uri, want, 3)).diagnostics).toEqual([]);
    expect(await client.format(uri)).toEqual([]);
  });

  test('incremental sync: a change of one range is applied to the buffer', async () => {
    // TextDocumentSyncKind.Incremental: the editor sends what changed, not the whole buffer on every keystroke.
    expect(client.capabilities.textDocumentSync).toBe(2);
    const file = path.join(tmp, 'functions.c');
    const uri = pathToFileURL(file).href;
    const text = example('functions/functions.c');
    await client.open(uri, text);
    // Break a table entry by typing over one name, then type it back: each change carries its range only.
    const line = text.split('\n').findIndex((l) => l.includes('MP_ROM_PTR(&nmg_functions_square_obj)'));
    const col = text.split('\n')[line].indexOf('square_obj');
    const word = (c: number) => ({ start: { line, character: c }, end: { line, character: c + 'square'.length } });
    const broken = await client.changeRange(uri, word(col), 'nothin', 2);
    expect(broken.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['NMG2005', line]]);
    expect((await client.changeRange(uri, word(col), 'square', 3)).diagnostics).toEqual([]);
    const want = syncSources([{ path: file, text }], { defines: [], force: false }).value[0].text;
    expect((await client.format(uri))![0].newText).toBe(want);
  });

  test('a hand-edited block: NMG5001 with a quick fix that regenerates it', async () => {
    const file = path.join(tmp, 'functions.c');
    const uri = pathToFileURL(file).href;
    const synced = syncSources([{ path: file, text: example('functions/functions.c') }], { defines: [], force: false }).value[0].text;
    const lines = synced.split('\n');
    const at = lines.findIndex((l) => l.includes('MP_DYNRUNTIME_INIT_ENTRY'));
    expect(at).toBeGreaterThan(0);
    lines[at] += ' // edited';
    const edited = lines.join('\n');
    const p = await client.open(uri, edited);
    expect(p.diagnostics.map((d) => d.code)).toEqual(['NMG5001']);
    const actions = await client.codeActions(uri, p.diagnostics);
    const fix = actions.find((a) => a.kind === 'quickfix');
    expect(fix).toBeDefined();
    const forced = syncSources([{ path: file, text: edited }], { defines: [], force: true }).value[0].text;
    expect(fix!.edit.changes[uri][0].newText).toBe(forced);
    expect(forced).toBe(synced);
  });

  test('an unsynced file offers a sync source action', async () => {
    const file = path.join(tmp, 'functions.c');
    const uri = pathToFileURL(file).href;
    await client.open(uri, example('functions/functions.c'));
    const actions = await client.codeActions(uri, []);
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll']);
  });

  test('a helper file of a multi-file module is read with its folder', async () => {
    for (const f of ['module.c', 'shapes.c', 'shapes.h']) fs.writeFileSync(path.join(tmp, f), example(`multifile/${f}`));
    const uri = pathToFileURL(path.join(tmp, 'shapes.c')).href;
    const p = await client.open(uri, example('multifile/shapes.c'));
    expect(p.diagnostics).toEqual([]);
  });

  // The server reads a document as `natmodgen sync` reads the file: with py/dynruntime.h's macro
  // names, the module's headers, and natmodgen's reserved names refused.
  describe('the same reading as `natmodgen sync`', () => {
    let savedMpyDir: string | undefined;
    beforeEach(() => {
      savedMpyDir = process.env.MPY_DIR;
      delete process.env.MPY_DIR;
    });
    afterEach(() => {
      if (savedMpyDir !== undefined) process.env.MPY_DIR = savedMpyDir;
    });

    /** What `natmodgen sync --check` prints about the file, as [code, line] pairs, and the file it would write. */
    const cliSync = async (name: string, text: string): Promise<{ codes: Array<[string, number]>; synced: string }> => {
      const dir = fs.mkdtempSync(path.join(tmp, 'cli-'));
      fs.writeFileSync(path.join(dir, name), text);
      const r = await runCli(['sync', name], dir);
      const codes = [...r.stderr.matchAll(new RegExp(`${name.replace('.', '\\.')}:(\\d+):\\d+: \\w+ (NMG\\d{4})`, 'g'))].map(
        (m): [string, number] => [m[2], Number(m[1]) - 1],
      );
      return { codes, synced: fs.readFileSync(path.join(dir, name), 'utf8') };
    };

    test("a module #define of a function py/dynruntime.h makes a macro: sync's push/pop of dynruntime's macro", async () => {
      const text = moduleWith('#define m_malloc(n) m_malloc_traced(n)\nvoid *m_malloc_traced(size_t n);');
      const uri = pathToFileURL(path.join(tmp, 'nm.c')).href;
      expect((await client.open(uri, text)).diagnostics).toEqual([]);
      const edits = await client.format(uri);
      const cli = await cliSync('nm.c', text);
      expect(cli.codes).toEqual([]);
      expect(cli.synced).toContain('#pragma push_macro("m_malloc")');
      expect(edits).toHaveLength(1);
      expect(edits![0].newText).toBe(cli.synced);
    });

    test('a module macro calling the firmware function by its own name, no MicroPython tree: NMG2020 as sync gives it', async () => {
      const text = moduleWith('#define m_free(p) do { m_free(p); } while (0)');
      const uri = pathToFileURL(path.join(tmp, 'nm.c')).href;
      const p = await client.open(uri, text);
      const cli = await cliSync('nm.c', text);
      expect(cli.codes).toEqual([['NMG2020', 1]]);
      expect(p.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual(cli.codes);
      expect(await client.format(uri)).toBeNull();
    });

    test("a module macro from the module's header is expanded as sync expands it", async () => {
      fs.writeFileSync(path.join(tmp, 'wrap.h'), '// tracing\n#define m_free(p) do { m_free(p); } while (0)\n');
      const text = moduleWith('#include "wrap.h"');
      const uri = pathToFileURL(path.join(tmp, 'nm.c')).href;
      const p = await client.open(uri, text);
      const dir = fs.mkdtempSync(path.join(tmp, 'cli-'));
      fs.copyFileSync(path.join(tmp, 'wrap.h'), path.join(dir, 'wrap.h'));
      fs.writeFileSync(path.join(dir, 'nm.c'), text);
      const r = await runCli(['sync', 'nm.c'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/wrap\.h:2:9: error NMG2020/);
      // The error is located in the header: the document gets none of its own, and no formatting
      // (a server that did not read the header would offer the sync).
      expect(p.diagnostics).toEqual([]);
      expect(await client.format(uri)).toBeNull();
    });

    test("a name natmodgen's code uses: NMG2016 as sync gives it", async () => {
      const text = moduleWith('#define natmodgen_init_nm 1');
      const uri = pathToFileURL(path.join(tmp, 'nm.c')).href;
      const p = await client.open(uri, text);
      const cli = await cliSync('nm.c', text);
      expect(cli.codes).toEqual([['NMG2016', 1]]);
      expect(p.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual(cli.codes);
      expect(await client.format(uri)).toBeNull();
    });
  });

  test('hostile text gives diagnostics, not a dead server', async () => {
    const uri = pathToFileURL(path.join(tmp, 'junk.c')).href;
    const p = await client.open(uri, '\u0000\u0001}}}{{{#if\r\n#endif\r#else' + '('.repeat(30000));
    expect(p.diagnostics.length).toBeGreaterThan(0);
    expect(p.diagnostics.every((d) => /^NMG\d{4}$/.test(d.code))).toBe(true);
    const again = await client.change(uri, example('functions/functions.c'), 2);
    expect(again.diagnostics).toEqual([]);
  });
});
