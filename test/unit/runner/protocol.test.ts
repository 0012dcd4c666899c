import * as assert from 'node:assert/strict';
import { ProtocolReader, protocolMarker, type HarnessMessage } from '../../../src/core/runner/protocol';

describe('runner: protocol reader', () => {
  const marker = protocolMarker('abc123');
  function reader(): { r: ProtocolReader; messages: HarnessMessage[]; raw: string[] } {
    const messages: HarnessMessage[] = [];
    const raw: string[] = [];
    return { r: new ProtocolReader(marker, (m) => messages.push(m), (t) => raw.push(t)), messages, raw };
  }

  it('separates messages from raw output, even on the same line and split across chunks', () => {
    const { r, messages, raw } = reader();
    const text = `partial${marker}{"t":"start","index":3}\nhello\n${marker}{"t":"done"}\ntail`;
    for (let i = 0; i < text.length; i += 5) r.push(text.slice(i, i + 5));
    r.end();
    assert.deepEqual(messages, [{ t: 'start', index: 3 }, { t: 'done' }]);
    assert.equal(raw.join(''), 'partialhello\ntail');
  });

  it('passes raw output on as it comes, holding back no more than a marker', () => {
    const { r, raw } = reader();
    r.push('x'.repeat(100_000));
    assert.ok(raw.join('').length >= 100_000 - marker.length);
    r.push('\u0001dril');
    r.push('no marker after all');
    r.end();
    assert.equal(raw.join(''), `${'x'.repeat(100_000)}\u0001drilno marker after all`);
  });

  it('treats a marker with another nonce as raw output', () => {
    const { r, messages, raw } = reader();
    r.push(`${protocolMarker('forged')}{"t":"done"}\n`);
    r.end();
    assert.deepEqual(messages, []);
    assert.match(raw.join(''), /forged/);
  });
});
