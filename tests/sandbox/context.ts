// What the sandbox keeps beside the store: idempotency results and order edit sessions.
import { IdempotencyLedger } from "./idempotent";
import { EditSessions } from "./store-edits";
import type { SandboxStore } from "./store";

export class SandboxContext {
  readonly ledger = new IdempotencyLedger();
  readonly edits = new EditSessions();
  constructor(readonly store: SandboxStore) {}
  clear() {
    this.ledger.clear();
    this.edits.clear();
  }
}
