// STAND-IN SUPPORT for the RouterOS stand-in: injected trouble, no protocol of its own.
/**
 * Faults a test or benchmark injects into a stand-in. Latency delays every reply (one per API
 * command or REST request); a drop cuts the link after N more commands have been answered and
 * keeps cutting it — a router that died mid-batch — until cleared.
 */
export class StandInFaults {
  latencyMs = 0;
  private dropAfter: number | null = null;
  private served = 0;

  dropAfterCommands(count: number | null): void {
    this.dropAfter = count;
    this.served = 0;
  }

  /** Counts one command; false once the link is cut. */
  admitCommand(): boolean {
    if (this.dropAfter !== null && this.served >= this.dropAfter) return false;
    this.served++;
    return true;
  }
}
