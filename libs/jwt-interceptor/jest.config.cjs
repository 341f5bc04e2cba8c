const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'jwt-interceptor',
  rootDir: __dirname,
};
