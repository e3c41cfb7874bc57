import path from 'node:path';
import tseslint from 'typescript-eslint';

/**
 * Module isolation (ARCHITECTURE.md): a file in src/modules/<a>/ may import another module
 * only through its public entry src/modules/<b>/index.ts. Platform code imports no module.
 */
const moduleBoundaries = {
  meta: { type: 'problem', messages: { internal: '{{reason}}' } },
  create(context) {
    const modulesRoot = path.resolve('src/modules') + path.sep;
    const platformRoot = path.resolve('src/platform') + path.sep;
    const owner = (file) => (file.startsWith(modulesRoot) ? file.slice(modulesRoot.length).split(path.sep)[0] : null);
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const from = context.filename;
      const target = path.resolve(path.dirname(from), spec);
      const targetModule = owner(target);
      if (!targetModule) return;
      if (from.startsWith(platformRoot)) {
        context.report({ node, messageId: 'internal', data: { reason: `platform code must not import module "${targetModule}"` } });
        return;
      }
      const fromModule = owner(from);
      if (fromModule && fromModule !== targetModule && target !== path.join(modulesRoot, targetModule, 'index.ts')) {
        context.report({ node, messageId: 'internal', data: { reason: `import module "${targetModule}" through its index.ts, not its internals` } });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'scratch/**', 'web/dist/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { simpul: { rules: { 'module-boundaries': moduleBoundaries } } },
    rules: {
      'simpul/module-boundaries': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  { files: ['src/main.ts', 'bench/**', 'scripts/**', 'test/**'], rules: { 'no-console': 'off' } },
);
