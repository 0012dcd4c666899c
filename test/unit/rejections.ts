// A mocha root hook plugin (`require` in .mocharc.json): an unhandled promise rejection fails the run. Mocha alone
// hands such a rejection back to the process, which has no other listener, so it would pass unnoticed.
// Each rejection is reported with the test that was running when it surfaced.

interface Seen {
  during: string;
  reason: unknown;
}

const seen: Seen[] = [];
let current = '(outside a test)';

function onRejection(reason: unknown): void {
  // Mocha listens too and emits the same rejection again to the other listeners: count it once.
  if (seen.some((s) => s.reason === reason)) return;
  seen.push({ during: current, reason });
}

/** Listens again when needed: a parallel worker drops every rejection listener after each file it runs. */
function listen(): void {
  if (!process.listeners('unhandledRejection').includes(onRejection)) process.on('unhandledRejection', onRejection);
}

function describeReason(reason: unknown): string {
  return reason instanceof Error ? (reason.stack ?? reason.message) : String(reason);
}

export const mochaHooks = {
  beforeAll(): void {
    listen();
  },
  beforeEach(this: Mocha.Context): void {
    listen();
    current = this.currentTest?.fullTitle() ?? '(outside a test)';
  },
  afterEach(): void {
    current = '(between tests)';
  },
  async afterAll(): Promise<void> {
    // A rejection left by the last test is reported once the current turn of the event loop is over.
    await new Promise((r) => setImmediate(r));
    if (seen.length === 0) return;
    const lines = seen.splice(0).map((s) => `during "${s.during}": ${describeReason(s.reason)}`);
    throw new Error(`${lines.length} unhandled promise rejection(s):\n${lines.join('\n')}`);
  },
};
