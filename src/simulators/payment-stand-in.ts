/*
 * STAND-IN PLUMBING, NOT A PAYMENT PROVIDER. What the payment stand-ins (Midtrans, Xendit,
 * Tripay) share on top of the HTTP base: `failNext(503)` makes the next requests meet what a
 * load balancer in front of the provider answers. Never point a real tenant at them.
 */
import { HttpStandIn, type RecordedRequest, type StandInReply } from './http-stand-in.ts';

export abstract class PaymentStandIn extends HttpStandIn<number> {
  /** The provider's own answer, when no injected failure comes first. */
  protected abstract answer(request: RecordedRequest): StandInReply;

  protected handle(request: RecordedRequest): StandInReply {
    const failure = this.takeFault();
    // HTML, not the provider's JSON: the adapter must not take it for a provider answer.
    if (failure !== undefined) return { status: failure, text: `<html><body>${failure} Service Unavailable</body></html>` };
    return this.answer(request);
  }
}
