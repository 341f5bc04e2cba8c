const preset = require('../../jest.preset.cjs');

// The suite spawns the built services (nx: integration:test depends on their build targets).
// Files run one at a time: they share 2 cores with the services they start.
module.exports = {
  ...preset,
  displayName: 'integration',
  rootDir: __dirname,
  maxWorkers: 1,
  testTimeout: 120_000,
};
