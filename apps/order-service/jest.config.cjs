const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'order-service',
  rootDir: __dirname,
};
