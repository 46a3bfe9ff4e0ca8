'use strict';

// The tests run the app against a real bridge on its embedded simulator, started once for all of them
// (test/support/globalSetup.js) on a free loopback port with its own H2 file database, stopped at the end.
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.js'],
  globalSetup: '<rootDir>/test/support/globalSetup.js',
  globalTeardown: '<rootDir>/test/support/globalTeardown.js',
  // A lead-to-audit run waits about 25 s in the simulator for its interview analysis and its job.
  testTimeout: 180000,
  // One bridge serves all test files; they run one after another, each starting its runs together.
  maxWorkers: 1,
  verbose: true,
};
