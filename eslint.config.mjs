// One flat config for the workspace. Boundaries between projects are enforced by tags
// (README, Development): apps -> libs/protos, libs -> libs, e2e/bench -> libs/protos, no app -> app.
// There is deliberately no '*' -> ['*'] rule: it would silently switch every constraint off.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export const depConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib', 'type:proto'] },
  { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib', 'type:proto'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib', 'type:proto'] },
  { sourceTag: 'type:bench', onlyDependOnLibsWithTags: ['type:lib', 'type:proto'] },
  { sourceTag: 'type:proto', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'scope:auth', onlyDependOnLibsWithTags: ['scope:auth', 'scope:shared'] },
  { sourceTag: 'scope:user', onlyDependOnLibsWithTags: ['scope:user', 'scope:shared'] },
  { sourceTag: 'scope:order', onlyDependOnLibsWithTags: ['scope:order', 'scope:shared'] },
  { sourceTag: 'scope:cli', onlyDependOnLibsWithTags: ['scope:cli', 'scope:shared'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.nx/**',
      '**/.data/**',
      '**/tmp/**',
      '**/coverage/**',
      'libs/contracts/src/generated/**',
      'bench/results/**',
      'tools/lint-fixtures/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: [], depConstraints },
      ],
      // Apps talk over gRPC only. Nx flags relative imports into an app; npm workspaces also make
      // each app resolvable by its package name, which Nx treats as an external package, so ban those.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@jwt-mesh/(auth-service|user-service|order-service|mesh-cli)(/|$)',
              message: 'Apps never import apps: call the service over gRPC.',
            },
          ],
        },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // config.ts is the only reader of the environment in each app.
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read environment variables in config.ts only.',
        },
      ],
    },
  },
  {
    files: [
      '**/config.ts',
      '**/*.spec.ts',
      'tests/**/*.ts',
      'bench/**/*.ts',
      'libs/service-kit/src/config/**/*.ts',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['**/*.spec.ts', 'tests/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // The bench never ships: it composes the apps' own server factories with other auth wirings
    // (no-auth and reference-token baselines) and measures the libs' internals directly, so it
    // is the one project allowed to import app and lib source files (README, "Development").
    files: ['bench/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off', 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
