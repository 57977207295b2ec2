#!/usr/bin/env node
'use strict';
/**
 * natmodgen's bin (bundled into dist/natmodgen.js by scripts/bundle.js). It runs the bundled
 * CLI, dist/natmodgen-cli.js, with V8's code cache from dist/natmodgen-cli.cache, made at
 * build time: a start then skips compiling the bundle's functions (Node 20 has no
 * module.enableCompileCache). V8 checks the cache against the source and its own version
 * and flags, and compiles normally when it does not fit.
 *
 * Before that, a `sync` command line is answered from its record when nothing it read has
 * changed since the same command last ran (dist/src/cli/sync-record.js, which scripts/bundle.js
 * bundles into the bin with this file): an editor's sync on
 * save of a file already in sync then costs little more than starting Node.
 */
const fs = require('fs');

const replayed = require('./src/cli/sync-record.js').replayOrRecord(process.argv.slice(2), process.env, __dirname);
if (replayed !== undefined) {
  process.exitCode = replayed;
  return;
}

const path = require('path');
const vm = require('vm');
const Module = require('module');

const file = path.join(__dirname, 'natmodgen-cli.js');
const cacheFile = path.join(__dirname, 'natmodgen-cli.cache');
const source = fs.readFileSync(file, 'utf8');
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
if (process.env.NATMODGEN_WRITE_CODE_CACHE === '1') {
  // The build's step: functions compiled during this run go into the cache too.
  process.on('exit', () => fs.writeFileSync(cacheFile, script.createCachedData()));
}
const cli = new Module(file, module);
cli.filename = file;
cli.paths = Module._nodeModulePaths(__dirname);
script.runInThisContext()(cli.exports, Module.createRequire(file), cli, file, __dirname);
