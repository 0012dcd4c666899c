import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { findDesignPacks, loadDesignProblem, resolveDesignPhases, DEFAULT_DESIGN_MINUTES, DESIGN_PHASE_IDS, FAILURE_CHECKLIST } from '../../../src/core/kinds/design/index';
import { loadPack } from '../../../src/core/pack/index';
import type { Diagnostic } from '../../../src/core/pack/types';
import { BUILTIN, DESIGN_PROBLEM, positionIn, tempDir, writeTree } from './helpers';

const PACK = 'drills: 1\nid: mixed\nname: Mixed\ndescription: Coding and design.\n';

function designPack(problemYaml: string, extra: Record<string, string> = {}): string {
  return writeTree(tempDir(), { 'drills-pack.yaml': PACK, 'd/problem.yaml': problemYaml, 'd/statement.md': '# URL shortener\n', ...extra });
}

function at(d: Diagnostic, text: string, needle: string, shift = 0): void {
  const { line, column } = positionIn(text, needle, shift);
  assert.deepEqual([d.line, d.column], [line, column], d.message);
}

function only(diagnostics: Diagnostic[], fragment: string): Diagnostic {
  const found = diagnostics.filter((d) => d.message.includes(fragment));
  assert.equal(found.length, 1, `one diagnostic with "${fragment}" in:\n${diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n')}`);
  return found[0];
}

describe('kinds: design problems', () => {
  it('the four built-in design prompts load without a diagnostic, each with probes and a full outline', async () => {
    const packs = await findDesignPacks([BUILTIN]);
    assert.equal(packs.length, 1);
    assert.deepEqual(packs[0].diagnostics, []);
    assert.equal(packs[0].id, 'builtin');
    assert.deepEqual(packs[0].problems.map((p) => p.id), ['ads-pacing-service', 'global-reliability-control-plane', 'home-recommendations-serving', 'playback-quality-pipeline']);
    for (const p of packs[0].problems) {
      assert.ok(p.probes.length >= 4, p.id);
      assert.ok(p.probes.every((q) => q.concerns.length >= 3 && q.minutes === 3), p.id);
      for (const id of DESIGN_PHASE_IDS) assert.ok(p.outline[id].length >= 3, `${p.id} ${id}`);
      assert.equal(p.minutes, 45);
      assert.equal(p.phases.reduce((s, x) => s + x.minutes, 0), 45);
      assert.ok(p.failureChecklist.length > FAILURE_CHECKLIST.length, `${p.id} adds its own failure mode`);
    }
  });

  it('the coding loader skips design problems: a mixed pack indexes its coding problem without a diagnostic', async () => {
    const dir = writeTree(designPack(DESIGN_PROBLEM), {
      'c/problem.yaml': 'id: c\ntitle: C\ndifficulty: easy\ntopics: [arrays]\nfunction: { name: f, params: [{ name: xs, type: "int[]" }], returns: int }\n',
      'c/statement.md': '# C\n',
      'c/starter/solution.py': 'def f(xs): pass\n',
    });
    const pack = await loadPack(dir);
    assert.deepEqual(pack.diagnostics, []);
    assert.deepEqual(pack.problems.map((p) => p.id), ['c']);
    const [design] = await findDesignPacks([dir]);
    assert.deepEqual(design.problems.map((p) => p.id), ['url-shortener']);
  });

  it('defaults: 45 minutes in six phases, 3 minutes a probe unless the probe says', async () => {
    const { problem, diagnostics } = await loadDesignProblem(path.join(designPack(DESIGN_PROBLEM), 'd'), { id: 'mixed', dir: '' });
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(problem!.phases.map((p) => [p.id, p.minutes]), [['requirements', 8], ['scale', 5], ['dataFlow', 12], ['consistency', 6], ['failure', 8], ['operations', 6]]);
    assert.equal(DEFAULT_DESIGN_MINUTES, 45);
    assert.deepEqual(problem!.probes.map((p) => p.minutes), [3, 5, 3]);
  });

  it('phases the problem leaves out share what its minutes leave, in the default proportions; too many minutes are scaled with a warning', async () => {
    assert.deepEqual(resolveDesignPhases({ dataFlow: 12 }, 78).map((p) => p.minutes), [16, 10, 12, 12, 16, 12]);
    const text = DESIGN_PROBLEM.replace('probes:', 'minutes: 30\nphases: { requirements: 20, scale: 20 }\nprobes:');
    const { problem, diagnostics } = await loadDesignProblem(path.join(designPack(text), 'd'), { id: 'mixed', dir: '' });
    at(only(diagnostics, 'add up to 40 minutes but the round has 30'), text, 'phases:');
    assert.equal(problem!.phases.reduce((s, p) => s + p.minutes, 0), 30);
  });

  it('reports each mistake at its place: an unknown phase, a probe without concerns, a duplicate probe id, a missing outline phase', async () => {
    const text = DESIGN_PROBLEM
      .replace('probes:', 'phases: { requirments: 5 }\nprobes:')
      .replace('    concerns: [does the arithmetic]\n', '')
      .replace('id: bad-deploy', 'id: ten-x')
      .replace('  operations: [slo]\n', '');
    const { problem, diagnostics } = await loadDesignProblem(path.join(designPack(text), 'd'), { id: 'mixed', dir: '' });
    assert.equal(problem, undefined);
    at(only(diagnostics, '`requirments` is not a design phase'), text, 'requirments');
    assert.match(only(diagnostics, 'requirments').message, /Did you mean `requirements`\?/);
    at(only(diagnostics, 'Missing required key `concerns`'), text, 'id: why-sql');
    at(only(diagnostics, 'Two probes are named `ten-x`'), text, 'ten-x', text.indexOf('id: ten-x', text.indexOf('id: ten-x') + 1) - text.indexOf('ten-x') + 4);
    at(only(diagnostics, 'no `operations` points'), text, 'outline:');
  });

  it('an unquoted colon in a concern is explained, and a missing statement.md is an error', async () => {
    const text = DESIGN_PROBLEM.replace('concerns: [names the bottleneck]', 'concerns:\n      - Partitions: how many')
    const dir = writeTree(tempDir(), { 'drills-pack.yaml': PACK, 'd/problem.yaml': text });
    const { diagnostics } = await loadDesignProblem(path.join(dir, 'd'), { id: 'mixed', dir });
    at(only(diagnostics, 'put the item in quotes'), text, 'Partitions');
    assert.equal(only(diagnostics, 'statement.md is missing').line, 1);
  });

  it('two design problems with one id are both left out, each reported at its id', async () => {
    const dir = writeTree(designPack(DESIGN_PROBLEM), { 'e/problem.yaml': DESIGN_PROBLEM, 'e/statement.md': '# E\n' });
    const [pack] = await findDesignPacks([dir]);
    assert.deepEqual(pack.problems, []);
    const found = pack.diagnostics.filter((d) => d.message.includes('is also used by'));
    assert.deepEqual(found.map((d) => [path.relative(dir, d.file), d.line, d.column]), [['d/problem.yaml', 2, 5], ['e/problem.yaml', 2, 5]]);
    assert.match(found[0].message, /also used by e\/problem\.yaml/);
  });

  it('a pack\'s failure-checklist.yaml adds its modes to every design problem of the pack; its mistakes are positioned', async () => {
    const checklist = '- { id: hot-keys, label: Hot keys, terms: [hot key] }\n- { id: retries, label: Again, terms: [retry] }\n- { id: x, label: X }\n';
    const dir = designPack(DESIGN_PROBLEM, { 'failure-checklist.yaml': checklist });
    const [pack] = await findDesignPacks([path.join(dir, 'd')]);
    assert.deepEqual(pack.problems[0].failureChecklist.map((m) => m.id).slice(-2), ['rollback', 'hot-keys']);
    const clash = only(pack.diagnostics, 'already in the checklist');
    assert.deepEqual([path.basename(clash.file), clash.line, clash.column], ['failure-checklist.yaml', 2, 9]);
    assert.equal(only(pack.diagnostics, 'Missing required key `terms`').line, 3);
    const twice = designPack(DESIGN_PROBLEM + 'failureChecklist:\n  - { id: hot-keys, label: Mine, terms: [hot] }\n', { 'failure-checklist.yaml': checklist });
    const [again] = await findDesignPacks([twice]);
    assert.deepEqual(again.problems, [], 'a problem may not redefine a mode its pack adds');
  });

  it('a design problem outside any pack is reported, not indexed', async () => {
    const dir = writeTree(tempDir(), { 'd/problem.yaml': DESIGN_PROBLEM, 'd/statement.md': '# S\n' });
    const packs = await findDesignPacks([dir]);
    assert.deepEqual(packs.flatMap((p) => p.problems), []);
    assert.match(packs.flatMap((p) => p.diagnostics)[0].message, /must be inside a pack/);
  });

  it('a pack failure checklist extension adds to the standard modes and may not reuse their ids', async () => {
    const ok = DESIGN_PROBLEM + 'failureChecklist:\n  - { id: hot-keys, label: Hot keys, terms: [hot key, hot partition] }\n';
    const { problem } = await loadDesignProblem(path.join(designPack(ok), 'd'), { id: 'mixed', dir: '' });
    assert.deepEqual(problem!.failureChecklist.map((m) => m.id).slice(-2), ['rollback', 'hot-keys']);
    const clash = DESIGN_PROBLEM + 'failureChecklist:\n  - { id: retries, label: Retries again, terms: [retry] }\n';
    const broken = await loadDesignProblem(path.join(designPack(clash), 'd'), { id: 'mixed', dir: '' });
    at(only(broken.diagnostics, 'already in the checklist'), clash, 'retries, label');
  });
});
