// Proves that the lint rules keep the dependency direction: apps -> libs/protos, libs -> libs,
// never app -> app and never lib -> app. Files are linted as text at a path inside a project,
// so nothing is written into the source tree.
import { ESLint } from 'eslint';
import { join } from 'node:path';

const root = join(__dirname, '../..');

// Type-aware rules need files in a tsconfig; the fixtures are virtual, so lint with the
// boundary rules only. The full config is what `nx lint` runs on the real files.
async function lintBoundaries(file: string, code: string): Promise<string[]> {
  const config = (await import(join(root, 'eslint.config.mjs'))) as {
    depConstraints: unknown[];
  };
  const nx = (await import('@nx/eslint-plugin')).default;
  const tseslint = (await import('typescript-eslint')).default;
  const full = (await import(join(root, 'eslint.config.mjs'))).default as Array<{
    rules?: Record<string, unknown>;
  }>;
  const restricted = full.find((c) => c.rules?.['no-restricted-imports'])!.rules![
    'no-restricted-imports'
  ];
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        plugins: { '@nx': nx as never },
        rules: {
          '@nx/enforce-module-boundaries': [
            'error',
            { depConstraints: config.depConstraints, allow: [] },
          ],
          'no-restricted-imports': restricted as ESLint.Options['overrideConfig'],
        } as never,
      },
    ],
  });
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('module boundaries', () => {
  jest.setTimeout(60_000);

  it('has real tag constraints and no "*" -> "*" rule that would turn them off', async () => {
    const { depConstraints } = (await import(join(root, 'eslint.config.mjs'))) as {
      depConstraints: Array<{ sourceTag: string; onlyDependOnLibsWithTags: string[] }>;
    };
    expect(depConstraints.find((c) => c.sourceTag === '*')).toBeUndefined();
    const app = depConstraints.find((c) => c.sourceTag === 'type:app')!;
    expect(app.onlyDependOnLibsWithTags.sort()).toEqual(['type:lib', 'type:proto']);
    expect(app.onlyDependOnLibsWithTags).not.toContain('type:app');
  });

  it('flags an app importing another app by relative path', async () => {
    const errors = await lintBoundaries(
      'apps/user-service/src/fixture.ts',
      "import { x } from '../../order-service/src/main';\nexport const y = x;\n",
    );
    expect(errors.join('\n')).toMatch(/@nx\/enforce-module-boundaries/);
  });

  it('flags an app importing another app by package name', async () => {
    const errors = await lintBoundaries(
      'apps/user-service/src/fixture.ts',
      "import { x } from '@jwt-mesh/order-service';\nexport const y = x;\n",
    );
    expect(errors.join('\n')).toMatch(/Apps never import apps/);
  });

  it('flags a lib importing an app', async () => {
    const errors = await lintBoundaries(
      'libs/service-kit/src/fixture.ts',
      "import { x } from '../../../apps/order-service/src/main';\nexport const y = x;\n",
    );
    expect(errors.length).toBeGreaterThan(0);
  });

  it('allows an app importing a lib', async () => {
    const errors = await lintBoundaries(
      'apps/user-service/src/fixture.ts',
      "import { loadMesh } from '@jwt-mesh/contracts';\nexport const y = loadMesh;\n",
    );
    expect(errors).toEqual([]);
  });
});
