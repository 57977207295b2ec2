/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
  testTimeout: 120000,
  // node-tree-sitter cannot be evaluated twice in one process (jest gives every test
  // file a fresh module registry), so every test file gets a fresh worker.
  workerIdleMemoryLimit: 1,
  maxWorkers: 2,
};
