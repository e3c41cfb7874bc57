import { AppError } from '../../../platform/errors/app-error.ts';
import type { Clock } from '../../../platform/clock.ts';
import { networkErrors } from '../network.errors.ts';

/**
 * Stops hammering a router that is down: after `failureThreshold` consecutive connection
 * failures every call fails fast for `coolDownMs`; then one trial call goes through
 * (half-open) — its success closes the circuit, its failure opens it again.
 */
export class CircuitBreaker {
  private readonly failureThreshold: number;
  private readonly coolDownMs: number;
  private readonly clock: Clock;
  private readonly routerId: string;
  private state: 'closed' | 'open' | 'half-open' = 'closed';
  private consecutiveFailures = 0;
  private openUntil = 0;
  private lastError: AppError | null = null;

  constructor(options: { routerId: string; failureThreshold: number; coolDownMs: number; clock: Clock }) {
    this.routerId = options.routerId;
    this.failureThreshold = options.failureThreshold;
    this.coolDownMs = options.coolDownMs;
    this.clock = options.clock;
  }

  /** Throws ROUTER_CIRCUIT_OPEN instead of letting a call reach a router known to be down. */
  admit(): void {
    const now = this.clock.now().getTime();
    if (this.state === 'open' && now >= this.openUntil) {
      this.state = 'half-open';
      return;
    }
    if (this.state === 'closed') return;
    throw new AppError(networkErrors.ROUTER_CIRCUIT_OPEN, `Router is failing (${this.lastError?.message ?? 'unknown error'}); retrying after ${new Date(this.openUntil).toISOString()}`, {
      routerId: this.routerId,
      lastErrorCode: this.lastError?.code,
      retryAt: new Date(this.openUntil).toISOString(),
      sent: false,
    });
  }

  recordSuccess(): void {
    this.state = 'closed';
    this.consecutiveFailures = 0;
  }

  recordFailure(error: AppError): void {
    this.consecutiveFailures++;
    this.lastError = error;
    if (this.state === 'half-open' || this.consecutiveFailures >= this.failureThreshold) {
      this.state = 'open';
      this.openUntil = this.clock.now().getTime() + this.coolDownMs;
    }
  }
}
