import { Console } from './console';

/** `natmodgen lsp`: a language server on stdin/stdout until the client says exit. */
export async function lspCommand(io: Console): Promise<number> {
  // Loaded here only: the other commands start without the LSP library.
  const rpc = await import('vscode-languageserver/node');
  const { startServer } = await import('../lsp/server');
  const connection = rpc.createConnection(new rpc.StreamMessageReader(process.stdin), new rpc.StreamMessageWriter(process.stdout));
  // Anything the library would print goes to stderr: stdout carries the protocol.
  console.log = (...a: unknown[]) => io.err(`${a.map(String).join(' ')}\n`);
  startServer(connection);
  return new Promise((resolve) => connection.onExit(() => resolve(0)));
}
