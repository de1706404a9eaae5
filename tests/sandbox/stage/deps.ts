// What the stage works on: the running sandbox's parts, and what the launcher adds when the app
// lives at the stage's time.
import type { SandboxClock } from "../clock";
import type { SandboxStore } from "../store";
import type { WebhookSender } from "../webhooks";

export type Faults = {
  serverErrors: number;
  timeouts: number;
  lostAnswers: number;
  operation: string | null;
};

export type StageHooks = {
  /** After the clock moved: the app's timers' work for the time that passed (the launcher runs the
   *  app's deadline scan, as its timer would have); what it did, in words. */
  afterClockMove?: () => Promise<string>;
};

export type StageDeps = {
  store: SandboxStore;
  clock: SandboxClock;
  webhooks: WebhookSender;
  faults: Faults;
} & StageHooks;
