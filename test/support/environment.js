// Jest gives each test file a fresh module registry, but node-tree-sitter breaks
// when its index.js is evaluated a second time in one process. This environment
// loads it once per worker, with Node's own require, and hands the same instance
// to every test file; src/parse/native.ts picks it up.
const { TestEnvironment } = require('jest-environment-node');

const shared = { Parser: require('tree-sitter'), C: require('tree-sitter-c') };

class NatmodgenEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.__natmodgenTreeSitter = shared;
  }
}

module.exports = NatmodgenEnvironment;
