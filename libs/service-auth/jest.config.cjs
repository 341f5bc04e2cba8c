const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'service-auth',
  rootDir: __dirname,
};
