import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/*
 * The simpul/module-boundaries rule of eslint.config.js, run through ESLint's API on small
 * in-memory files placed where the rule looks: the imports it must refuse and the ones it must let through.
 */
const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

const boundaryErrors = async (file: string, code: string): Promise<string[]> => {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'simpul/module-boundaries').map((m) => m.message);
};

const importMidtrans = (from: string): string => {
  const spec = path.relative(path.dirname(from), 'src/simulators/midtrans/midtrans.stand-in.ts');
  return `import { MidtransStandIn } from './${spec}';\nexport const standIn = MidtransStandIn;\n`;
};

describe('lint: product modules never import simulators', () => {
  it('refuses a product module importing a simulator', async () => {
    const file = 'src/modules/billing/payments.ts';
    expect(await boundaryErrors(file, importMidtrans(file))).toEqual([
      'product modules must not import simulators (src/simulators): only the demo and tests use them',
    ]);
  });

  it('refuses it in a nested product file and in a re-export from a module index', async () => {
    const nested = 'src/modules/network/routeros/router-gateway.ts';
    const code = `import { RouterStandIn } from '../../../simulators/routeros/router-stand-in.ts';\nexport const r = RouterStandIn;\n`;
    expect(await boundaryErrors(nested, code)).toHaveLength(1);
    const index = 'src/modules/network/index.ts';
    expect(await boundaryErrors(index, `export { RouterStandIn } from '../../simulators/routeros/router-stand-in.ts';\n`)).toHaveLength(1);
  });

  it('lets the demo and tests use simulators', async () => {
    expect(await boundaryErrors('src/modules/demo/demo-payments.ts', importMidtrans('src/modules/demo/demo-payments.ts'))).toEqual([]);
    expect(await boundaryErrors('src/modules/billing/payments.test.ts', importMidtrans('src/modules/billing/payments.test.ts'))).toEqual([]);
  });
});

describe('lint: simulators use product modules through their index.ts', () => {
  const file = 'src/simulators/routeros/router-model.ts';

  it('refuses a simulator reaching into a module internal', async () => {
    expect(await boundaryErrors(file, `import { normaliseIpv4 } from '../../modules/network/routeros/ipv4.ts';\nexport const n = normaliseIpv4;\n`)).toEqual([
      'import module "network" through its index.ts, not its internals',
    ]);
  });

  it('lets a simulator import a module index', async () => {
    expect(await boundaryErrors(file, `import { normaliseIpv4 } from '../../modules/network/index.ts';\nexport const n = normaliseIpv4;\n`)).toEqual([]);
  });
});
