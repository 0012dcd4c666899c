import * as assert from 'node:assert/strict';
import { ProtocolReader, parseHarnessMessage, protocolMarker, type HarnessMessage } from '../../../src/core/runner/protocol';

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

  it('accepts a crash with a signal and hex addresses, and refuses one or an error trace that is anything else', () => {
    assert.deepEqual(parseHarnessMessage({ t: 'crash', signal: 11, overflow: false, trace: ['0x1a2b'] }), { t: 'crash', signal: 11, overflow: false, trace: ['0x1a2b'] });
    assert.equal(parseHarnessMessage({ t: 'crash', signal: 11, overflow: false, trace: ['-e /etc/passwd'] }), 'a malformed crash');
    assert.equal(parseHarnessMessage({ t: 'crash', signal: 'SIGSEGV', overflow: false, trace: [] }), 'a malformed crash');
    const result = { t: 'result', index: 0, ms: 1, output: '', truncated: false };
    assert.equal(typeof parseHarnessMessage({ ...result, error: { kind: 'error', message: 'x', trace: ['0xff'] } }), 'object');
    assert.equal(parseHarnessMessage({ ...result, error: { kind: 'error', message: 'x', trace: ['--help'] } }), 'a result with a malformed error or repeat block');
  });
});
