import { isAppError, type AppError } from '../../../platform/errors/app-error.ts';
import { invalidLineError, planLine, selectorFor } from './line-diff.ts';
import type { ActualLine, ChangeResult, DesiredLine, EnforcementSettings, RouterGateway } from './types.ts';

/**
 * One reconcile pass for lines on one router: read them, diff against the desired state, apply
 * only the difference. A line is "in sync" only when the router confirmed every change, or
 * when it needed none.
 */

export type LineOutcome = {
  customerId: string;
  status: 'in-sync' | 'changed' | 'failed';
  results: ChangeResult[];
  error?: AppError;
};

export const convergeLines = async (gateway: RouterGateway, desired: readonly DesiredLine[], settings: EnforcementSettings): Promise<LineOutcome[]> => {
  const outcomes = new Map<DesiredLine, LineOutcome>();
  const valid = desired.filter((line) => {
    const error = invalidLineError(line);
    if (error) outcomes.set(line, { customerId: line.customerId, status: 'failed', results: [], error });
    return !error;
  });

  let actual: ActualLine[];
  try {
    actual = await gateway.readLines(valid.map(selectorFor));
  } catch (error) {
    if (!isAppError(error)) throw error;
    for (const line of valid) outcomes.set(line, { customerId: line.customerId, status: 'failed', results: [], error });
    return desired.map((line) => outcomes.get(line)!);
  }

  const plans = valid.map((line, index) => ({ line, plan: planLine(line, actual[index], settings) }));
  const results = await gateway.apply(plans.flatMap(({ plan }) => plan.changes));
  const resultsByChange = new Map(results.map((result) => [result.change, result]));

  for (const { line, plan } of plans) {
    const lineResults = plan.changes.map((change) => resultsByChange.get(change)!);
    const failure = lineResults.find((result) => result.status === 'failed');
    const error = plan.blocked ?? (failure?.status === 'failed' ? failure.error : undefined);
    const status = error ? 'failed' : lineResults.length === 0 ? 'in-sync' : 'changed';
    outcomes.set(line, { customerId: line.customerId, status, results: lineResults, ...(error ? { error } : {}) });
  }
  return desired.map((line) => outcomes.get(line)!);
};
