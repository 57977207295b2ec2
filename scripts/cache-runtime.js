#!/usr/bin/env node
/**
 * Build step: computes what natmodgen reads from the package's runtime/ folder at every
 * start (its piece index and the functions it defines) into dist/runtime-cache.json,
 * keyed by a hash of the folder (src/runtime/cache.ts checks the hash before use).
 * A runtime/ that natmodgen cannot index gets no entry: the run then reports the error.
 */
const path = require('path');

const dist = path.resolve(__dirname, '..', 'dist', 'src');
const { defaultRuntimeDir, writeRuntimeCache } = require(path.join(dist, 'runtime', 'cache.js'));
const { indexRuntimeDir, encodeRuntimeIndex } = require(path.join(dist, 'runtime', 'index.js'));
const { readRuntimeLibrary } = require(path.join(dist, 'facts', 'runtime-lib.js'));

const dir = defaultRuntimeDir();
const values = {};
const attempt = (key, f) => {
  try {
    values[key] = f();
  } catch (e) {
    console.warn(`cache-runtime: ${key} not cached: ${e instanceof Error ? e.message : String(e)}`);
  }
};
attempt('index', () => encodeRuntimeIndex(indexRuntimeDir(dir)));
attempt('library', () => [...readRuntimeLibrary(dir)]);
writeRuntimeCache(values);
