#!/usr/bin/env node
/**
 * Build step: bundles the CLI (dist/src/cli/main.js, compiled by tsc) with its JS
 * dependencies into one file, dist/natmodgen.js, the package's bin: one file to read
 * at start instead of hundreds. tree-sitter and its C grammar stay outside (native).
 */
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const outfile = path.join(root, 'dist', 'natmodgen.js');
esbuild.buildSync({
  entryPoints: [path.join(root, 'dist', 'src', 'cli', 'main.js')],
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  outfile,
  // Native modules stay outside; so do the Handlebars compiler (used only without precompiled templates)
  // and the LSP library (only for `natmodgen lsp`): start-up need not parse them.
  external: ['tree-sitter', 'tree-sitter-c', 'handlebars', 'vscode-languageserver', 'vscode-languageserver/*'],
  logLevel: 'warning',
});
fs.chmodSync(outfile, 0o755);
fs.chmodSync(path.join(root, 'dist', 'src', 'cli', 'main.js'), 0o755);
