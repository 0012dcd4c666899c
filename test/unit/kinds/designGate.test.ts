import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { appendProbe, checkDesignGate, designTemplate, parseDesign, quantitiesIn, FAILURE_CHECKLIST, type DesignGateResult } from '../../../src/core/kinds/design/index';
import { KIND_FIXTURES, positionIn } from './helpers';

const PASSING = fs.readFileSync(path.join(KIND_FIXTURES, 'DESIGN.passing.md'), 'utf8');
const subject = { title: 'Playback quality pipeline' };

function codes(gate: DesignGateResult, severity = 'error'): string[] {
  return gate.findings.filter((f) => f.severity === severity).map((f) => f.code);
}

function finding(gate: DesignGateResult, code: string) {
  const found = gate.findings.filter((f) => f.code === code);
  assert.equal(found.length, 1, `one ${code} in ${JSON.stringify(gate.findings, null, 1)}`);
  return found[0];
}

describe('kinds: the design gate', () => {
  it('the scaffold has the six sections, a decision log of five and a probes heading, and keeps the gate closed on each of them', () => {
    const template = designTemplate(subject);
    const parsed = parseDesign(template);
    assert.deepEqual(parsed.sections.map((s) => s.key).filter(Boolean), ['requirements', 'scale', 'dataFlow', 'consistency', 'failure', 'operations', 'decisions', 'probes']);
    assert.equal(parsed.decisions.length, 5);
    const gate = checkDesignGate(subject, template);
    assert.equal(gate.passed, false);
    assert.deepEqual(codes(gate), ['section-empty', 'section-empty', 'section-empty', 'section-empty', 'section-empty', 'section-empty', 'decisions-too-few']);
    assert.equal(finding(gate, 'decisions-too-few').line, positionIn(template, '## Decision log').line);
  });

  it('a complete answer opens the gate; its warnings (a bare number, missed failure modes) do not close it', () => {
    const gate = checkDesignGate(subject, PASSING);
    assert.equal(gate.passed, true, JSON.stringify(gate.findings, null, 1));
    const bare = gate.findings.filter((f) => f.code === 'number-without-unit');
    assert.deepEqual(bare.map((f) => [f.line, f.column, f.endColumn]), [[positionIn(PASSING, '2400').line, positionIn(PASSING, '2400').column, positionIn(PASSING, '2400').column + 4]]);
    assert.deepEqual(gate.coverage.missed.map((m) => m.id), ['alert-fatigue', 'rollback']);
    assert.match(gate.findings.find((f) => f.message.includes('Alert fatigue'))!.message, new RegExp(`mentioned at line ${positionIn(PASSING, 'page a person').line}`));
  });

  it('the coverage report says which failure modes the failure section anticipated, where, and which it missed', () => {
    const gate = checkDesignGate({ title: 't', failureChecklist: [...FAILURE_CHECKLIST, { id: 'late', label: 'Late events', terms: ['late event'] }] }, PASSING);
    const anticipated = Object.fromEntries(gate.coverage.anticipated.map((m) => [m.id, [m.line, m.column]]));
    const where = (needle: string) => { const p = positionIn(PASSING, needle); return [p.line, p.column]; };
    assert.deepEqual(anticipated.backpressure, where('Backpressure: collectors'));
    assert.deepEqual(anticipated.retries, where('Retries with exponential'));
    assert.deepEqual(anticipated.duplicates, where('Duplicate events are'));
    assert.deepEqual(anticipated.late, where('Late events within'));
    assert.equal(gate.coverage.required, 5);
    assert.match(gate.coverage.text, /^Anticipated: backpressure, retries, .*\. Missed: alert fatigue, rollback\.$/);
  });

  it('a failure section naming fewer than half the checklist keeps the gate closed', () => {
    const text = PASSING.replace(/## 5\. Failure design[\s\S]*?## 6\./, '## 5. Failure design\n\n- Retries with backoff.\n- Duplicates are dropped.\n\n## 6.');
    const gate = checkDesignGate(subject, text);
    assert.deepEqual(codes(gate), ['failure-coverage']);
    assert.match(finding(gate, 'failure-coverage').message, /names 2 of 8 failure modes; name at least 4/);
    assert.equal(finding(gate, 'failure-coverage').line, positionIn(text, '## 5. Failure design').line);
  });

  it('scale assumptions need three numbers with units of at least two kinds', () => {
    const words = PASSING.replace(/## 2\. Scale assumptions[\s\S]*?## 3\./, '## 2. Scale assumptions\n\nLots of traffic, maybe 10000 at peak.\n\n## 3.');
    const noUnits = checkDesignGate(subject, words);
    assert.deepEqual(codes(noUnits), ['numbers-missing']);
    assert.equal(noUnits.findings.find((f) => f.code === 'number-without-unit')!.column, positionIn(words, '10000').column);
    const onlyRates = PASSING.replace(/## 2\. Scale assumptions[\s\S]*?## 3\./, '## 2. Scale assumptions\n\n2M events/s at peak, 40k requests/s on the API, 60B events/day.\n\n## 3.');
    const gate = checkDesignGate(subject, onlyRates);
    assert.deepEqual(codes(gate), ['numbers-one-kind']);
    assert.match(finding(gate, 'numbers-one-kind').message, /only estimate a rate .* add a size \(GB, TB\) or a time/);
  });

  it('reads numbers with their units: rates, sizes, times, counts and factors, and leaves p99 and versions alone', () => {
    const found = quantitiesIn([{ line: 1, column: 1, text: '12k requests/s, 3 TB, p99 200 ms, 40M events/day, 1.5 GB/s, 20M concurrent sessions, 10× and 99.9%, v2, 2026' }]);
    assert.deepEqual(found.map((q) => [q.text, q.category ?? 'bare']), [
      ['12k requests/s', 'rate'], ['3 TB', 'size'], ['200 ms', 'time'], ['40M events/day', 'rate'], ['1.5 GB/s', 'rate'],
      ['20M concurrent sessions', 'count'], ['10×', 'factor'], ['99.9%', 'factor'], ['2026', 'bare'],
    ]);
  });

  it('each decision needs a name and an alternative; what would change your mind is advice', () => {
    const text = PASSING
      .replace('- Alternative considered: processing-time windows, simpler but wrong for TVs that send late.\n', '')
      .replace('- What would change my mind: duplicates under 0.01% of events.\n', '');
    const gate = checkDesignGate(subject, text);
    assert.deepEqual(codes(gate), ['decisions-too-few', 'decision-no-alternative']);
    assert.equal(finding(gate, 'decision-no-alternative').line, positionIn(text, '### Decision 2').line);
    assert.equal(finding(gate, 'decision-no-change-mind').line, positionIn(text, '### Decision 4').line);
    assert.match(finding(gate, 'decisions-too-few').message, /has 4 complete decisions/);
  });

  it('decisions written as a plain list are explained: each needs its own heading', () => {
    const text = PASSING.replace(/## Decision log[\s\S]*?## Probes/, '## Decision log\n\n1. Kafka, instead of the warehouse\n2. Event time\n\n## Probes');
    assert.match(finding(checkDesignGate(subject, text), 'decisions-too-few').message, /has 0 complete decisions .* Write each under its own heading: `### Decision 1: …`/);
    assert.doesNotMatch(finding(checkDesignGate(subject, designTemplate(subject)), 'decisions-too-few').message, /Write each/);
  });

  it('a missing section is reported; extra sections and subsections of the candidate count for their parent', () => {
    const text = PASSING.replace('## 4. Consistency model', '## Notes');
    const gate = checkDesignGate(subject, text);
    assert.deepEqual(codes(gate), ['section-missing']);
    assert.match(finding(gate, 'section-missing').message, /No "Consistency model" section/);
    const flow = parseDesign(PASSING).sections.find((s) => s.key === 'dataFlow')!;
    assert.ok(flow.content.some((c) => c.text.startsWith('Hot keys')), 'the "Where it breaks first" subsection belongs to the data flow');
  });

  it('a revealed probe is appended under the probes heading, with its minutes', () => {
    const once = appendProbe(PASSING, { question: 'Traffic is 10× higher. What breaks?', minutes: 3 }, 1);
    assert.ok(once.startsWith(PASSING));
    assert.match(once, /## Probes\n\n### Probe 1: Traffic is 10× higher\. What breaks\?\n\n<!-- 3 minutes to answer/);
    assert.equal(parseDesign(once).sections.filter((s) => s.key === 'probes').length, 1);
    const withoutHeading = appendProbe('# Design\n', { question: 'Why?', minutes: 1 }, 1);
    assert.match(withoutHeading, /## Probes\n\n### Probe 1: Why\?\n\n<!-- One minute/);
  });
});
