const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'mesh-cli',
  rootDir: __dirname,
};
