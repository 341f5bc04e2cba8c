// Shared jest settings. Each project has a jest.config.cjs that spreads this preset.
const path = require('node:path');

const root = __dirname;
const lib = (p) => path.join(root, 'libs', p);

module.exports = {
  testEnvironment: 'node',
  // swc is about twice as fast as ts-jest here; types are checked by the typecheck target.
  transform: {
    '^.+\\.(t|j|mj)s$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  // jose 6 ships ESM only, so jest must transform it.
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  moduleNameMapper: {
    '^@jwt-mesh/contracts$': lib('contracts/src/index.ts'),
    '^@jwt-mesh/jwt-interceptor$': lib('jwt-interceptor/src/index.ts'),
    '^@jwt-mesh/jwt-interceptor/testing$': lib('jwt-interceptor/src/testing/index.ts'),
    '^@jwt-mesh/service-auth$': lib('service-auth/src/index.ts'),
    '^@jwt-mesh/service-kit$': lib('service-kit/src/index.ts'),
    '^@jwt-mesh/service-kit/testing$': lib('service-kit/src/testing/index.ts'),
  },
  testMatch: ['**/?(*.)+(spec|test).ts'],
  passWithNoTests: true,
  clearMocks: true,
};
