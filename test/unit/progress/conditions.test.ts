import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CONDITION_GROUPS,
  CONDITIONS_FILE,
  desiredConditions,
  parseConditionGroups,
  planConditions,
  writeConditionsRecord,
  reconcileConditions,
  type SettingTarget,
  type SettingsAccess,
} from '../../../src/core/progress/conditions';
import { T0, makeAttempt } from './helpers';

/** Settings as the editor keeps them: user values, workspace values (per language scope), and which keys exist. */
class FakeSettings implements SettingsAccess {
  user = new Map<string, unknown>();
  workspace = new Map<string, unknown>();
  writes: string[] = [];
  constructor(
    private readonly registered: ReadonlySet<string>,
    private readonly onWrite: () => void = () => undefined,
  ) {}
  private id(t: SettingTarget) {
    return t.languageId ? `[${t.languageId}]${t.key}` : t.key;
  }
  read(t: SettingTarget) {
    const ws = this.workspace.get(this.id(t));
    return { workspace: ws, effective: ws ?? this.user.get(t.key) };
  }
  write(t: SettingTarget, value: unknown) {
    if (!this.registered.has(t.key)) return Promise.reject(new Error(`${t.key} is not a registered configuration`));
    this.onWrite();
    this.writes.push(this.id(t));
    if (value === undefined) this.workspace.delete(this.id(t));
    else this.workspace.set(this.id(t), structuredClone(value));
    return Promise.resolve();
  }
  snapshot() {
    return { user: new Map(this.user), workspace: new Map(this.workspace) };
  }
}

const EDITOR_KEYS = ['editor.inlineSuggest.enabled', 'editor.quickSuggestions', 'editor.suggestOnTriggerCharacters', 'editor.parameterHints.enabled', 'editor.formatOnType'];

describe('interview conditions', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-conditions-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const interview = makeAttempt({ id: 'i1', start: T0, ending: 'open', mode: 'strict' });
  const all = [...CONDITION_GROUPS];

  it('hold only while an interview-mode attempt runs, for its language and PLAN.md', () => {
    assert.deepEqual(desiredConditions(interview, all), { attemptId: 'i1', languages: ['python', 'markdown'], groups: all });
    assert.equal(desiredConditions(makeAttempt({ id: 'p1', start: T0, ending: 'open', mode: 'practice' }), all), undefined);
    assert.equal(desiredConditions(makeAttempt({ id: 's1', start: T0, ending: 'solved' }), all), undefined);
    assert.equal(desiredConditions(interview, []), undefined);
    assert.deepEqual(parseConditionGroups(['formatOnType', 'nonsense']), { groups: ['formatOnType'], unknown: ['nonsense'] });
  });

  it('record what was there before changing any setting, and change only workspace settings', async () => {
    const settings: FakeSettings = new FakeSettings(new Set([...EDITOR_KEYS, 'github.copilot.enable']), () => {
      assert.ok(fs.existsSync(path.join(dir, CONDITIONS_FILE)), 'a setting changed before the record was written');
    });
    settings.user.set('github.copilot.enable', { '*': true, yaml: false });
    settings.workspace.set('[python]editor.formatOnType', true);
    const userBefore = new Map(settings.user);
    const outcome = await reconcileConditions(dir, desiredConditions(interview, all), settings);
    assert.equal(settings.read({ key: 'editor.inlineSuggest.enabled', languageId: 'python' }).workspace, false);
    assert.deepEqual(settings.read({ key: 'editor.quickSuggestions', languageId: 'markdown' }).workspace, { other: 'off', comments: 'off', strings: 'off' });
    assert.equal(settings.read({ key: 'editor.formatOnType', languageId: 'python' }).workspace, false);
    assert.deepEqual(settings.workspace.get('github.copilot.enable'), { '*': true, yaml: false, python: false, markdown: false });
    assert.deepEqual(settings.user, userBefore);
    // Codeium is not installed here: skipped, and not in the record.
    assert.deepEqual(outcome.skipped, [{ key: 'codeium.enableConfig' }]);
    assert.ok(!outcome.on!.changes.some((c) => c.key === 'codeium.enableConfig'));
  });

  it('put every setting back exactly when the drill ends, removing what was not there before', async () => {
    const settings = new FakeSettings(new Set([...EDITOR_KEYS, 'github.copilot.enable']));
    settings.workspace.set('[python]editor.formatOnType', true);
    settings.workspace.set('github.copilot.enable', { '*': false });
    const before = settings.snapshot();
    await reconcileConditions(dir, desiredConditions(interview, all), settings);
    assert.notDeepEqual(settings.snapshot(), before);
    const outcome = await reconcileConditions(dir, undefined, settings);
    assert.deepEqual(settings.snapshot(), before);
    assert.equal(outcome.on, undefined);
    assert.ok(!fs.existsSync(path.join(dir, CONDITIONS_FILE)));
  });

  it('survive a reload mid-drill: the values put back are those from before the drill, not the ones seen at the reload', async () => {
    const settings = new FakeSettings(new Set(EDITOR_KEYS));
    settings.workspace.set('[python]editor.parameterHints.enabled', true);
    const before = settings.snapshot();
    await reconcileConditions(dir, desiredConditions(interview, all), settings);
    settings.writes = [];
    // The window reloads: a new reconcile for the same running attempt.
    const again = await reconcileConditions(dir, desiredConditions(interview, all), settings);
    assert.deepEqual(settings.writes, []);
    assert.equal(again.on?.attemptId, 'i1');
    const ended = { ...interview, status: 'failed' as const };
    await reconcileConditions(dir, desiredConditions(ended, all), settings);
    assert.deepEqual(settings.snapshot(), before);
  });

  it('after a crash between the record and the settings, apply the rest on reload, or put back what was applied', async () => {
    const settings = new FakeSettings(new Set(EDITOR_KEYS));
    settings.workspace.set('[python]editor.formatOnType', true);
    const before = settings.snapshot();
    // What a window that died mid-way leaves: the record written, only the first two settings changed.
    const record = planConditions(desiredConditions(interview, all)!, (t) => settings.read(t));
    await writeConditionsRecord(dir, record);
    for (const change of record.changes.slice(0, 2)) await settings.write({ key: change.key, languageId: change.languageId! }, change.applied);
    // Reloaded while the drill still runs: the rest is applied now, and the record keeps the values from before.
    await reconcileConditions(dir, desiredConditions(interview, all), settings);
    assert.equal(settings.read({ key: 'editor.formatOnType', languageId: 'python' }).workspace, false);
    assert.equal(settings.read({ key: 'editor.formatOnType', languageId: 'markdown' }).workspace, false);
    // Reloaded after the drill ended: all of it goes back.
    await reconcileConditions(dir, undefined, settings);
    assert.deepEqual(settings.snapshot(), before);
    // A crash before any setting changed leaves nothing to do but remove the record.
    await writeConditionsRecord(dir, record);
    settings.writes = [];
    await reconcileConditions(dir, undefined, settings);
    assert.deepEqual(settings.writes, []);
    assert.ok(!fs.existsSync(path.join(dir, CONDITIONS_FILE)));
  });

  it('leave a setting the user changed during the drill as the user set it', async () => {
    const settings = new FakeSettings(new Set(EDITOR_KEYS));
    await reconcileConditions(dir, desiredConditions(interview, ['parameterHints']), settings);
    settings.workspace.set('[python]editor.parameterHints.enabled', 'custom');
    const outcome = await reconcileConditions(dir, undefined, settings);
    assert.deepEqual(outcome.keptByUser, [{ key: 'editor.parameterHints.enabled', languageId: 'python' }]);
    assert.equal(settings.workspace.get('[python]editor.parameterHints.enabled'), 'custom');
    assert.equal(settings.workspace.has('[markdown]editor.parameterHints.enabled'), false);
  });

  it('report a damaged record and set it aside', async () => {
    fs.writeFileSync(path.join(dir, CONDITIONS_FILE), '{"version": 1, "attemptId": ');
    const outcome = await reconcileConditions(dir, undefined, new FakeSettings(new Set(EDITOR_KEYS)));
    assert.match(outcome.issues[0], /not valid JSON/);
    assert.ok(fs.readdirSync(dir).some((n) => n.startsWith(`${CONDITIONS_FILE}.corrupt-`)));
  });
});
