import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import {
  CodeAction,
  CodeActionKind,
  Connection,
  Diagnostic as LspDiagnostic,
  DiagnosticSeverity,
  TextDocuments,
  TextDocumentSyncKind,
  TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from '../diagnostics/diagnostic';
import { Inventory, natmodInventory } from '../facts';
import { readQstrDefs } from '../io/qstrdefs';
import { headerReader, moduleIncludeDirs } from '../io/headers';
import { dynruntimeMacroDefinitions } from '../io/reserved';
import { ParseCache, withParseCache } from '../parse/parser';
import { analyseDocument, DocumentAnalysis } from './analysis';

/** Settings a client may pass as initializationOptions (all optional). */
export interface ServerSettings {
  /** `-D NAME[=VALUE]` for every document. */
  defines?: string[];
  /** MicroPython tree for the natmod compatibility report (default: $MPY_DIR). */
  mpyDir?: string;
  /** `-I` folders where the module's headers are looked for (as `natmodgen sync -I`). */
  includeDirs?: string[];
}

const SOURCE = 'natmodgen';

/** How long a document rests after a change before its synced text is rendered unasked. */
const RENDER_IDLE_MS = 40;

/**
 * `natmodgen lsp`: diagnostics on open and change, formatting = `sync` of the buffer,
 * code actions for diagnostics that have a fix. Documents are analysed as soon as they
 * change; when changes arrive faster than that, only the newest version is analysed.
 */
export function startServer(connection: Connection, env: NodeJS.ProcessEnv = process.env): void {
  const documents = new TextDocuments(TextDocument);
  const results = new Map<string, DocumentAnalysis>();
  const pending = new Set<string>();
  // The last tree of each file: an edit re-parses only what changed.
  const parses = new ParseCache();
  let settings: ServerSettings = {};
  let natmodApi: Inventory | undefined;
  // py/dynruntime.h's macros for names that are functions in the firmware, as gen, sync and build read them.
  let natmodMacros: ReadonlyMap<string, string | undefined> | undefined;
  // The tree the module is built for (its py/qstrdefs.h names the firmware's escaped qstrs).
  let mpyDir: string | undefined;

  connection.onInitialize((params) => {
    settings = (params.initializationOptions as ServerSettings | undefined) ?? {};
    mpyDir = settings.mpyDir ?? env.MPY_DIR;
    natmodApi = natmodInventory(mpyDir);
    natmodMacros = dynruntimeMacroDefinitions(natmodApi.facts, mpyDir);
    return {
      capabilities: {
        // Editors send the changed range only; TextDocuments applies it to the buffer.
        textDocumentSync: TextDocumentSyncKind.Incremental,
        documentFormattingProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
      },
      serverInfo: { name: 'natmodgen' },
    };
  });

  const filePath = (uri: string): string => (uri.startsWith('file:') ? fileURLToPath(uri) : uri);

  const readSibling = (file: string): string | undefined => {
    const open = documents.all().find((d) => filePath(d.uri) === file);
    if (open) return open.getText();
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  };

  /** The analysis of a document's current version (computed now if it is not cached). */
  const analysisOf = (doc: TextDocument): DocumentAnalysis => {
    const cached = results.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    const file = filePath(doc.uri);
    let a: DocumentAnalysis;
    try {
      a = withParseCache(parses, () =>
        analyseDocument(file, doc.getText(), doc.version, {
          defines: settings.defines ?? [],
          escapedQstrs: readQstrDefs([file], mpyDir),
          natmodApi,
          // Headers are read afresh for each analysis: they may change while the server runs.
          preprocess: {
            includeDirs: moduleIncludeDirs(settings.includeDirs ?? [], [file]),
            readFile: headerReader(),
            natmodMacros,
            mpyDir,
          },
          readSibling,
        }),
      );
    } catch (e) {
      a = internalError(file, doc.version, e);
    }
    results.set(doc.uri, a);
    return a;
  };

  /** NMG0000 in place of an analysis: a bug in natmodgen must not take the server (and the editor's other features) down. */
  const internalError = (file: string, version: number, e: unknown): DocumentAnalysis => {
    const message = e instanceof Error ? e.message : String(e);
    connection.console.error(`natmodgen: internal error on ${file}: ${e instanceof Error ? e.stack : message}`);
    const span = { file, line: 1, col: 1, start: 0, end: 0 };
    return {
      version,
      diagnostics: [{ code: 'NMG0000', severity: 'error', message: `natmodgen internal error: ${message}`, span, related: [] }],
      synced: () => undefined,
    };
  };

  /**
   * The synced text of a document's current version (rendered now if it was not yet). Where
   * rendering fails, the document's diagnostics become that internal error (published again).
   */
  const syncedOf = (doc: TextDocument): string | undefined => {
    const a = analysisOf(doc);
    try {
      return a.synced();
    } catch (e) {
      results.set(doc.uri, internalError(filePath(doc.uri), doc.version, e));
      publish(doc.uri);
      return undefined;
    }
  };

  const publish = (uri: string): void => {
    pending.delete(uri);
    const doc = documents.get(uri);
    if (!doc) return;
    const a = analysisOf(doc);
    connection.sendDiagnostics({ uri, version: doc.version, diagnostics: a.diagnostics.map((d) => toLsp(d, doc)) });
  };

  /**
   * Diagnostics first; the synced text is rendered when formatting or a code action asks for it,
   * or once the document has rested for RENDER_IDLE_MS (ready for a format on save), never
   * between the keystrokes of someone typing, where it would delay the next change's diagnostics.
   */
  const publishThenRender = (uri: string): void => {
    publish(uri);
    const version = documents.get(uri)?.version;
    setTimeout(() => {
      const doc = documents.get(uri);
      if (doc && doc.version === version && !pending.has(uri)) syncedOf(doc);
    }, RENDER_IDLE_MS).unref();
  };

  const schedule = (uri: string): void => {
    if (pending.has(uri)) return;
    pending.add(uri);
    setImmediate(() => publishThenRender(uri));
  };

  documents.onDidOpen((e) => schedule(e.document.uri));
  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidClose((e) => {
    results.delete(e.document.uri);
    parses.forget(filePath(e.document.uri));
    pending.delete(e.document.uri);
    connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onDocumentFormatting((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const synced = syncedOf(doc);
    return synced === undefined ? null : replaceAll(doc, synced);
  });

  connection.onCodeAction((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const a = analysisOf(doc);
    const actions: CodeAction[] = [];
    const edited = a.diagnostics.filter((d) => d.code === 'NMG5001').map((d) => toLsp(d, doc));
    if (a.forced !== undefined && edited.length) {
      actions.push({
        title: 'Regenerate the natmodgen blocks (discards the hand edit)',
        kind: CodeActionKind.QuickFix,
        diagnostics: edited,
        edit: { changes: { [doc.uri]: replaceAll(doc, a.forced) } },
      });
    }
    const synced = syncedOf(doc);
    if (synced !== undefined && synced !== doc.getText()) {
      actions.push({
        title: 'Sync with natmodgen (make the file build as a natmod too)',
        kind: CodeActionKind.SourceFixAll,
        edit: { changes: { [doc.uri]: replaceAll(doc, synced) } },
      });
    }
    const only = params.context.only;
    return only ? actions.filter((x) => only.some((k) => x.kind === k || x.kind?.startsWith(`${k}.`))) : actions;
  });

  documents.listen(connection);
  connection.listen();
}

/** One edit replacing the whole document, or none when the text is already that. */
function replaceAll(doc: TextDocument, text: string): TextEdit[] {
  if (text === doc.getText()) return [];
  return [TextEdit.replace({ start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) }, text)];
}

function toLsp(d: Diagnostic, doc: TextDocument): LspDiagnostic {
  const range = d.span
    ? { start: doc.positionAt(d.span.start), end: doc.positionAt(Math.max(d.span.end, d.span.start)) }
    : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const severity =
    d.severity === 'error'
      ? DiagnosticSeverity.Error
      : d.severity === 'warning'
        ? DiagnosticSeverity.Warning
        : DiagnosticSeverity.Information;
  return {
    range,
    severity,
    code: d.code,
    source: SOURCE,
    message: d.help ? `${d.message}\nhelp: ${d.help}` : d.message,
    relatedInformation: d.related.map((r) => {
      const at = { line: r.span.line - 1, character: r.span.col - 1 };
      return { location: { uri: pathToFileURL(path.resolve(r.span.file)).href, range: { start: at, end: at } }, message: r.message };
    }),
  };
}
