// Business time in the sandbox: real time plus an offset tests can move forward, so a three-day
// late shipment takes milliseconds. Throttling keeps real time (it is about request rate).
export class SandboxClock {
  private offsetMs = 0;
  private listeners: ((offsetMs: number) => void)[] = [];
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  /** How far ahead of real time the sandbox is. */
  get offset() {
    return this.offsetMs;
  }
  advance(ms: number): Date {
    if (!(ms >= 0)) throw new Error("the sandbox clock only moves forward");
    this.offsetMs += ms;
    this.changed();
    return this.now();
  }
  reset() {
    this.offsetMs = 0;
    this.changed();
  }
  /** Called now and at every move: the launcher shares the offset with the app (stage/clock-file.ts). */
  onChange(listener: (offsetMs: number) => void) {
    this.listeners.push(listener);
    listener(this.offsetMs);
  }
  private changed() {
    for (const listener of this.listeners) listener(this.offsetMs);
  }
}
