const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'user-service',
  rootDir: __dirname,
};
