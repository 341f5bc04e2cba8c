const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'deploy-checks',
  rootDir: __dirname,
};
