// Business time in the sandbox: real time plus an offset tests can move forward, so a three-day
// late shipment takes milliseconds. Throttling keeps real time (it is about request rate).
export class SandboxClock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): Date {
    if (!(ms >= 0)) throw new Error("the sandbox clock only moves forward");
    this.offsetMs += ms;
    return this.now();
  }
  reset() {
    this.offsetMs = 0;
  }
}
