import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { timerState } from '../../src/core/timer/index';
import { suiteOutputDir } from '../integration/index';
import { abandonAll, drillsApi, setSetting, startDrill } from '../integration/sessionHelpers';

/** What the launcher checks after reloading the window (scripts/test-offline.mjs reads the same shape). */
export interface ReloadHandOff {
  attemptId: string;
  /** Epoch milliseconds at which the timer reaches zero, when nothing pauses it. */
  endsAt: number;
  /** The status bar text when the hand-off was written. */
  statusText: string;
}

describe('Reload hand-off', function () {
  this.timeout(60_000);

  it('leaves an interview drill open with its timer running, and records when it ends', async () => {
    const { api } = await drillsApi();
    await abandonAll(api);
    await setSetting('defaultLanguage', 'javascript');
    await setSetting('mode', 'interview');
    const { drill } = await startDrill(api, 'first-unique-title');
    const now = api.session.session.clock.now();
    const state = timerState(drill.attempt.timer, now);
    assert.equal(state.paused, false);
    assert.ok(state.remainingMs > 10 * 60_000, 'the drill is too short to outlive a reload');
    const statusText = api.timerText();
    assert.match(statusText, /clarify \d+:\d\d · \d+:\d\d/);
    const handOff: ReloadHandOff = { attemptId: drill.attempt.id, endsAt: now + state.remainingMs, statusText };
    fs.writeFileSync(path.join(suiteOutputDir(), 'reload.json'), JSON.stringify(handOff, null, 2));
  });
});
