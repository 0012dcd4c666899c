import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { designTemplate } from '../../../src/core/kinds/design/index';
import { storyTemplate } from '../../../src/core/kinds/story/index';
import { BUILTIN, DESIGN_PROBLEM, KIND_FIXTURES, positionIn, ROOT, tempDir, writeTree } from './helpers';

const CLI = path.join(ROOT, 'out/cli.js');
const PASSING = path.join(KIND_FIXTURES, 'DESIGN.passing.md');
const STORY = path.join(KIND_FIXTURES, 'incident.md');

/** Runs the built `drills` bundle as a program, from `cwd`. */
function drills(args: string[], cwd = ROOT): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: tempDir('drills-cache-') } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('kinds: the drills command line', () => {
  it('design: a complete DESIGN.md opens the gate, exit 0, with the coverage report and warnings at file:line:column', () => {
    const r = drills(['design', PASSING, '--problem', 'playback-quality-pipeline']);
    assert.equal(r.status, 0, r.stderr);
    const at = positionIn(fs.readFileSync(PASSING, 'utf8'), '2400');
    assert.ok(r.stdout.includes(`test/fixtures/kinds/DESIGN.passing.md:${at.line}:${at.column}: warning: \`2400\` has no unit`), r.stdout);
    assert.match(r.stdout, /failure modes missed: +alert fatigue, rollback/);
    assert.match(r.stdout, /decisions with an alternative: 5\/5/);
    assert.match(r.stdout, /gate: open, the 5 probes can start/);
  });

  it('design: the scaffold keeps the gate closed, exit 1, and --json lists the findings with their files', () => {
    const dir = tempDir();
    const file = path.join(dir, 'DESIGN.md');
    fs.writeFileSync(file, designTemplate({ title: 'Ads pacing service' }));
    const r = drills(['design', file, '--problem', 'ads-pacing-service', '--json']);
    assert.equal(r.status, 1, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.passed, false);
    assert.equal(out.problem.id, 'ads-pacing-service');
    assert.deepEqual(out.findings.filter((f: { severity: string }) => f.severity === 'error').map((f: { code: string }) => f.code), [...Array(6).fill('section-empty'), 'decisions-too-few']);
    assert.ok(out.findings.every((f: { file: string }) => f.file === file));
    assert.equal(out.phases.length, 6);
  });

  it('design: --pack finds a problem in another pack; an unknown id exits 2 naming the known ones; a broken problem shows its diagnostics', () => {
    const pack = writeTree(tempDir(), { 'drills-pack.yaml': 'drills: 1\nid: mine\nname: Mine\ndescription: D.\n', 'u/problem.yaml': DESIGN_PROBLEM, 'u/statement.md': '# U\n' });
    const found = drills(['design', PASSING, '--problem', 'url-shortener', '--pack', pack]);
    assert.equal(found.status, 0, found.stderr + found.stdout);
    const unknown = drills(['design', PASSING, '--problem', 'nope', '--pack', pack]);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /no design problem 'nope'.*Known: url-shortener/);
    fs.writeFileSync(path.join(pack, 'u/problem.yaml'), DESIGN_PROBLEM.replace('  operations: [slo]\n', ''));
    const broken = drills(['design', PASSING, '--problem', 'url-shortener', '--pack', pack]);
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /u\/problem\.yaml:\d+:\d+: error: The outline has no `operations` points/);
    assert.equal(drills(['design', PASSING]).status, 2, 'no --problem is a usage error');
    assert.equal(drills(['design', path.join(pack, 'missing.md'), '--problem', 'url-shortener', '--pack', pack]).status, 2);
  });

  it('story: a good story passes, exit 0; a template fails, exit 1, with every empty field at its heading', () => {
    const ok = drills(['story', STORY]);
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /✓ test\/fixtures\/kinds\/incident\.md \(incident\) 2:19\/3:00 spoken, ownership \d+% "I", measurable result, 0 slogans, every field filled/);
    const dir = tempDir();
    const file = path.join(dir, 'conflict.md');
    const template = storyTemplate('conflict');
    fs.writeFileSync(file, template);
    const bad = drills(['story', file]);
    assert.equal(bad.status, 1);
    assert.ok(bad.stdout.includes(`${path.relative(ROOT, file)}:${positionIn(template, '## Your role').line}:1: error: "Your role" is empty.`), bad.stdout);
  });

  it('story --json: metrics and positioned findings per file; a folder is a bank and its missing stories fail it', () => {
    const bank = tempDir();
    fs.copyFileSync(STORY, path.join(bank, 'incident.md'));
    fs.writeFileSync(path.join(bank, 'story-bank.yaml'), 'slogans:\n  - { phrase: on-call engineer, why: say what you owned. }\n');
    const r = drills(['story', bank, '--json']);
    assert.equal(r.status, 1);
    const out = JSON.parse(r.stdout);
    assert.equal(out.pack.id, 'builtin-stories');
    assert.deepEqual(out.missingStories, ['trade-off', 'conflict', 'changed-mind', 'missed-goal', 'raised-bar']);
    const [story] = out.stories;
    assert.equal(story.metrics.type, 'incident');
    const slogan = story.findings.find((f: { code: string }) => f.code === 'slogan');
    const at = positionIn(fs.readFileSync(STORY, 'utf8'), 'on-call engineer');
    assert.deepEqual([slogan.file, slogan.line, slogan.column], [path.join(bank, 'incident.md'), at.line, at.column]);
  });

  it('story: --pack uses another story pack, and a folder without one is a usage error', () => {
    const pack = writeTree(tempDir(), {
      'story-pack.yaml': 'id: strict\nwordsPerMinute: 100\nquestions:\n  - { id: q, text: Outage?, stories: [incident] }\nslogans:\n  - { phrase: config change, why: which one? }\n',
    });
    const r = drills(['story', STORY, '--pack', pack, '--json']);
    assert.equal(r.status, 1);
    const codes = JSON.parse(r.stdout).stories[0].findings.map((f: { code: string }) => f.code);
    assert.ok(codes.includes('too-long') && codes.includes('slogan'), codes.join());
    const none = drills(['story', STORY, '--pack', tempDir()]);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /no usable story pack/);
    assert.equal(drills(['story']).status, 2);
  });

  it('check validates the built-in design problems and story pack beside the coding ones', () => {
    const design = drills(['check', path.join(BUILTIN, 'design')]);
    assert.equal(design.status, 0, design.stdout + design.stderr);
    assert.match(design.stdout, /✓ playback-quality-pipeline design, 5 probes, 45 min/);
    assert.match(design.stdout, /^design and stories: 4 design problems, 0 story packs, all valid$/m);
    const stories = drills(['check', path.join(BUILTIN, 'stories'), '--json']);
    assert.equal(stories.status, 0, stories.stdout + stories.stderr);
    const out = JSON.parse(stories.stdout);
    assert.equal(out.ok, true);
    assert.equal(out.kinds.stories[0].id, 'builtin-stories');
    assert.ok(out.kinds.stories[0].questions >= 20);
  });

  it('check fails, exit 1, on a design problem without probes and a story pack with a bad question, at their places', () => {
    const text = DESIGN_PROBLEM.replace(/probes:[\s\S]*?outline:/, 'outline:');
    const stories = 'id: s\nquestions:\n  - { id: q, text: Why?, stories: [nope] }\n';
    const dir = writeTree(tempDir(), { 'drills-pack.yaml': 'drills: 1\nid: mine\nname: Mine\ndescription: D.\n', 'u/problem.yaml': text, 'u/statement.md': '# U\n', 's/story-pack.yaml': stories });
    const r = drills(['check', dir]);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /u\/problem\.yaml:1:1: error: Missing required key `probes`/);
    assert.match(r.stdout, /^design and stories: 0 design problems, 1 story pack; 2 with errors$/m);
    const at = positionIn(stories, 'nope');
    assert.ok(r.stdout.includes(`s/story-pack.yaml:${at.line}:${at.column}: error: \`nope\` is not a story type`), r.stdout);
    const json = JSON.parse(drills(['check', dir, '--json']).stdout);
    assert.equal(json.ok, false);
    assert.equal(json.kinds.design[0].ok, false);
  });
});
