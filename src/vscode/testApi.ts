import type { Clock } from '../core/session/index';
import type { Config } from './config';
import type { CommandId, ContextKey } from './constants';
import type { DrillStarter } from './startDrill';
import type { DrillsTree } from './drillsTree';
import type { KindsApi } from './kinds';
import type { MockLoop } from './mockLoop';
import type { PacksService } from './packs';
import type { SessionServices } from './sessionServices';

/**
 * The clock of a window under test: the wall clock plus an offset the test API moves forward, so a timer runs
 * out without waiting. Production windows use the core's `systemClock`; this one exists only when
 * `activate` builds the test API.
 */
export class ShiftedClock implements Clock {
  private offsetMs = 0;

  constructor(private readonly wall: () => number = Date.now) {}

  readonly now = (): number => this.wall() + this.offsetMs;

  /** Moves the clock forward by `ms`. */
  shift(ms: number): void {
    this.offsetMs += ms;
  }
}

/**
 * What `activate` hands back when the extension runs under its tests (`ExtensionMode.Test`), read by the
 * integration tests through `extension.exports`. A window a user opens gets nothing: no member of a
 * production class exists for the tests' sake.
 */
export interface DrillsApi {
  /** Every message logged at error level since activation, oldest first. */
  logErrors(): readonly string[];
  /** The indexed packs, their diagnostics and trust. */
  packs: PacksService;
  /** The Drills view's data: `getChildren()` walks packs → topics → problems. */
  tree: DrillsTree;
  /** Starts drills; `onDidStartDrill` fires after each start. */
  drills: DrillStarter;
  /** The typed `drills.*` settings. */
  config: Config;
  /** The drill session and its views; replaced by `reloadSession`. Throws when the last restore failed. */
  readonly session: SessionServices;
  /**
   * Re-creates the session services from history, as a window reload does; `storageDir` restores from another
   * folder (a test's broken history). Rejects with the restore's error, leaving no session until the next reload.
   */
  reloadSession(options?: { storageDir?: string }): Promise<SessionServices>;
  /** The value this extension last gave a `when`-clause context key. */
  contextValue(key: ContextKey): unknown;
  /** The design and story drills. */
  kinds: KindsApi;
  /** The mock loop across kinds. */
  loop: MockLoop;
  /** The ids of the command table `activate` registered. */
  commandIds(): readonly CommandId[];
  /** The clock attempts are timed by, which the test moves forward. */
  clock: {
    now(): number;
    /** Moves the clock forward by `ms`, then shows the timer events now due, as the real passing of time would. */
    advance(ms: number): Promise<void>;
  };
  /** The timer's status bar text as drawn now ('' when the item is hidden). */
  timerText(): string;
}

