const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'auth-service',
  rootDir: __dirname,
};
