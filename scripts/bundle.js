#!/usr/bin/env node
/**
 * Build step: bundles the CLI (dist/src/cli/main.js, compiled by tsc) with its JS
 * dependencies into one file, dist/natmodgen-cli.js: one file to read at start instead of
 * hundreds (tree-sitter's JS included; its native addons load from node_modules). The package's bin,
 * dist/natmodgen.js, is scripts/bin-loader.js (with the sync record's code bundled in): it runs the bundle with the V8 code cache
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
/**
 * tree-sitter and tree-sitter-c find their native addon with node-gyp-build, which lists
 * folders of the package at every start, and their JS would be compiled outside the code
 * cache. Bundled here, each loads the addon file node-gyp-build finds now (its path relative
 * to the package, looked up again at run time) and falls back to node-gyp-build when that
 * file is missing (another platform, a rebuilt package). tree-sitter-c's node-types.json is
 * read and parsed at run time, as its index.js does, not compiled into the bundle.
 */
function nativeAddons() {
  const ngb = require('node-gyp-build');
  const addon = (pkg) => {
    const dir = path.dirname(require.resolve(`${pkg}/package.json`));
    return path.relative(dir, ngb.resolve(dir)).split(path.sep).join('/');
  };
  // existsSync, not try/require: a sync record notes the addon file it looked at (and a load error stays an error).
  const loader = (pkg) =>
    `(() => { const dir = require('path').dirname(require.resolve(${JSON.stringify(`${pkg}/package.json`)})); ` +
    `const file = require('path').join(dir, ${JSON.stringify(addon(pkg))}); ` +
    `return require('fs').existsSync(file) ? require(file) : require('node-gyp-build')(dir); })()`;
  const replaceOnce = (text, from, to, file) => {
    if (!text.includes(from)) throw new Error(`bundle: ${file} no longer reads as expected (${from})`);
    return text.replace(from, to);
  };
  return {
    name: 'native-addons',
    setup(build) {
      build.onLoad({ filter: /[\\/]node_modules[\\/]tree-sitter[\\/]index\.js$/ }, (args) => {
        const text = fs.readFileSync(args.path, 'utf8');
        const binding = /const binding = typeof process\.versions\.bun[^;]*;/.exec(text);
        if (!binding) throw new Error(`bundle: ${args.path} no longer reads as expected (its binding)`);
        return { contents: text.replace(binding[0], `const binding = ${loader('tree-sitter')};`), loader: 'js' };
      });
      build.onLoad({ filter: /[\\/]node_modules[\\/]tree-sitter-c[\\/]bindings[\\/]node[\\/]index\.js$/ }, (args) => {
        let text = fs.readFileSync(args.path, 'utf8');
        const exp = /module\.exports =\s*typeof process\.versions\.bun[^;]*;/.exec(text);
        if (!exp) throw new Error(`bundle: ${args.path} no longer reads as expected (its binding)`);
        text = text.replace(exp[0], `module.exports = ${loader('tree-sitter-c')};`);
        text = replaceOnce(
          text,
          'require("../../src/node-types.json")',
          `JSON.parse(require('fs').readFileSync(require.resolve('tree-sitter-c/src/node-types.json'), 'utf8'))`,
          args.path,
        );
        return { contents: text, loader: 'js' };
      });
    },
  };
}

async function main() {
  await esbuild.build({
    entryPoints: [path.join(dist, 'src', 'cli', 'main.js')],
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    outfile: bundle,
    // tree-sitter's and its C grammar's JS is bundled (see nativeAddons). The Handlebars compiler (used
    // only without precompiled templates) and the LSP library (only for `natmodgen lsp`) stay outside:
    // start-up need not parse them. The Handlebars runtime (handlebars/runtime, which every render
    // uses) is bundled, so the code cache covers it.
    external: [
      'vscode-languageserver',
      'vscode-languageserver/*',
      // Only ever require.resolve'd (where the packages are), at run time.
      'tree-sitter/package.json',
      'tree-sitter-c/package.json',
      'tree-sitter-c/src/node-types.json',
    ],
    plugins: [
      nativeAddons(),
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
  // The bin: the loader with the sync record's code (dist/src/cli/sync-record.js and src/paths.js)
  // bundled in. A replayed run and every other start then load one file of natmodgen's before the
  // bundle, not three through Node's module resolution (a visible part of a replay).
  await esbuild.build({
    stdin: {
      contents: fs.readFileSync(path.join(__dirname, 'bin-loader.js'), 'utf8'),
      resolveDir: dist,
      sourcefile: 'bin-loader.js',
      loader: 'js',
    },
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    outfile: bin,
    logLevel: 'warning',
  });
  if (/require\(["']\.\/src\//.test(fs.readFileSync(bin, 'utf8'))) throw new Error('bundle: the bin still requires a file of dist/src');
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
