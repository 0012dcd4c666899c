import * as assert from 'node:assert/strict';
import { drillsApi } from './drillsHelpers';

describe('History in the Drills view', () => {
  it('a failed read of the history fails that refresh only: the next one reads it again', async () => {
    const { api } = await drillsApi();
    const store = api.session.session.history;
    const listAttempts = store.listAttempts;
    let reads = 0;
    let failNext = true;
    // One read fails (a file system error, a file another process holds), then the store works again.
    store.listAttempts = (...args) => {
      reads++;
      if (!failNext) return listAttempts(...args);
      failNext = false;
      return Promise.reject(new Error('EIO: the history could not be read'));
    };
    try {
      await assert.rejects(api.session.history.refresh(), /EIO: the history could not be read/);
      await api.session.history.refresh();
      assert.equal(reads, 2, 'the refresh after the failed one did not read the history');
    } finally {
      store.listAttempts = listAttempts;
    }
  });
});
