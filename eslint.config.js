import path from 'node:path';
import tseslint from 'typescript-eslint';

/**
 * Module isolation (ARCHITECTURE.md): a file in src/modules/<a>/ may import another module
 * only through its public entry src/modules/<b>/index.ts. Platform code imports no module.
 * Simulators (src/simulators: stand-ins for routers, NAS, payment and WhatsApp providers) use
 * modules through their index.ts too; product modules never import them, only the demo and tests do.
 */
const moduleBoundaries = {
  meta: { type: 'problem', messages: { internal: '{{reason}}' } },
  create(context) {
    const modulesRoot = path.resolve('src/modules') + path.sep;
    const platformRoot = path.resolve('src/platform') + path.sep;
    const simulatorsRoot = path.resolve('src/simulators') + path.sep;
    const demoRoot = path.join(modulesRoot, 'demo') + path.sep;
    const owner = (file) => (file.startsWith(modulesRoot) ? file.slice(modulesRoot.length).split(path.sep)[0] : null);
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const from = context.filename;
      const target = path.resolve(path.dirname(from), spec);
      const report = (reason) => context.report({ node, messageId: 'internal', data: { reason } });
      if (target.startsWith(simulatorsRoot) && from.startsWith(modulesRoot) && !from.startsWith(demoRoot) && !from.endsWith('.test.ts')) {
        report('product modules must not import simulators (src/simulators): only the demo and tests use them');
        return;
      }
      const targetModule = owner(target);
      if (!targetModule) return;
      if (from.startsWith(platformRoot)) {
        report(`platform code must not import module "${targetModule}"`);
        return;
      }
      const fromModule = owner(from);
      const outsider = from.startsWith(simulatorsRoot) || (fromModule && fromModule !== targetModule);
      if (outsider && target !== path.join(modulesRoot, targetModule, 'index.ts')) {
        report(`import module "${targetModule}" through its index.ts, not its internals`);
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
