#!/usr/bin/env node
/**
 * Build step: bundles the CLI (dist/src/cli/main.js, compiled by tsc) with its JS
 * dependencies into one file, dist/natmodgen-cli.js: one file to read at start instead of
 * hundreds. tree-sitter and its C grammar stay outside (native). The package's bin,
 * dist/natmodgen.js, is scripts/bin-loader.js: it runs the bundle with the V8 code cache
 * made here by running the CLI once on an example (dist/natmodgen-cli.cache). It also writes
 * dist/runtime-cache.json (scripts/cache-runtime.js), which records the bundle it was made with.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const bundle = path.join(dist, 'natmodgen-cli.js');
const bin = path.join(dist, 'natmodgen.js');
async function main() {
  await esbuild.build({
    entryPoints: [path.join(dist, 'src', 'cli', 'main.js')],
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    outfile: bundle,
    // Native modules stay outside; so do the Handlebars compiler (used only without precompiled templates)
    // and the LSP library (only for `natmodgen lsp`): start-up need not parse them. The Handlebars
    // runtime (handlebars/runtime, which every render uses) is bundled, so the code cache covers it.
    external: ['tree-sitter', 'tree-sitter-c', 'vscode-languageserver', 'vscode-languageserver/*'],
    plugins: [
      {
        name: 'handlebars-compiler-outside',
        setup(build) {
          build.onResolve({ filter: /^handlebars$/ }, (args) => ({ path: args.path, external: true }));
        },
      },
    ],
    // Minified: a cold start reads the bundle into a string and V8 deserialises the code cache
    // against it; half the bytes is a measurable part of a start (bench/perf.mjs, cold rows).
    minify: true,
    logLevel: 'warning',
  });
  // The bundle is run by the loader, not as a script: its shebang line becomes a comment.
  fs.writeFileSync(bundle, fs.readFileSync(bundle, 'utf8').replace(/^#!.*/, '// natmodgen CLI bundle (run by natmodgen.js)'));
  fs.copyFileSync(path.join(__dirname, 'bin-loader.js'), bin);
  fs.chmodSync(bin, 0o755);
  fs.chmodSync(path.join(dist, 'src', 'cli', 'main.js'), 0o755);

  // The runtime/ facts cache (stamped with the built files, so after the bundle is written).
  const facts = spawnSync(process.execPath, [path.join(__dirname, 'cache-runtime.js')], { stdio: 'inherit' });
  if (facts.status !== 0) throw new Error('bundle: scripts/cache-runtime.js failed');

  // The code cache: the commands an editor runs on every save (sync --check, sync, gen) on an example.
  const cache = path.join(dist, 'natmodgen-cli.cache');
  fs.rmSync(cache, { force: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'natmodgen-cache-'));
  try {
    const c = path.join(work, 'functions.c');
    fs.copyFileSync(path.join(root, 'examples', 'functions', 'functions.c'), c);
    // Cache off: these runs must go through the whole CLI, never be answered from a sync record.
    const env = { ...process.env, NATMODGEN_WRITE_CODE_CACHE: '1', NATMODGEN_CACHE_DIR: 'off' };
    delete env.MPY_DIR;
    const runs = [
      ['gen', '-o', path.join(work, 'out'), c],
      ['sync', c],
      ['sync', '--check', c],
    ];
    for (const args of runs) {
      const r = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`bundle: natmodgen ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  if (!fs.existsSync(cache)) throw new Error('bundle: no code cache written');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
