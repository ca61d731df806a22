import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.nx/**', 'examples/**/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['packages/**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:core', onlyDependOnLibsWithTags: ['scope:core'] },
            { sourceTag: 'scope:ir', onlyDependOnLibsWithTags: ['scope:core', 'scope:ir'] },
            { sourceTag: 'scope:layers', onlyDependOnLibsWithTags: ['scope:core', 'scope:ir'] },
            { sourceTag: 'scope:hls-vivado', onlyDependOnLibsWithTags: ['scope:core', 'scope:ir'] },
            {
              sourceTag: 'scope:hls-vitis',
              onlyDependOnLibsWithTags: ['scope:core', 'scope:ir', 'scope:hls-vivado'],
            },
            { sourceTag: 'scope:estimate', onlyDependOnLibsWithTags: ['scope:core', 'scope:ir'] },
            { sourceTag: 'scope:plot', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'scope:import', onlyDependOnLibsWithTags: ['scope:core', 'scope:ir'] },
            { sourceTag: 'scope:sparse-weights', onlyDependOnLibsWithTags: ['scope:core', 'scope:ir', 'scope:rtl'] },
            { sourceTag: 'scope:rtl', onlyDependOnLibsWithTags: ['scope:core', 'scope:ir'] },
            { sourceTag: 'scope:cli', onlyDependOnLibsWithTags: ['*'] },
            { sourceTag: 'scope:sparse-conv', onlyDependOnLibsWithTags: ['scope:core', 'scope:sparse-conv'] },
          ],
        },
      ],
    },
  },
);
