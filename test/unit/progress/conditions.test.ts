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
  type SettingWrite,
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
  async write(writes: readonly SettingWrite[]) {
    const failed: SettingTarget[] = [];
    for (const { target: t, value } of writes) {
      if (!this.registered.has(t.key)) {
        failed.push(t);
        continue;
      }
      this.onWrite();
      this.writes.push(this.id(t));
      if (value === undefined) this.workspace.delete(this.id(t));
      else this.workspace.set(this.id(t), structuredClone(value));
    }
    return Promise.resolve(failed);
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
    assert.deepEqual(desiredConditions([interview], all), { attemptIds: ['i1'], languages: ['markdown', 'python'], groups: all });
    const practice = makeAttempt({ id: 'p1', start: T0, ending: 'open', mode: 'practice' });
    assert.equal(desiredConditions([practice], all), undefined);
    assert.equal(desiredConditions([makeAttempt({ id: 's1', start: T0, ending: 'solved' })], all), undefined);
    assert.equal(desiredConditions([interview], []), undefined);
    const js = { ...makeAttempt({ id: 'i2', start: T0, ending: 'open', mode: 'strict' }), language: 'javascript' as const };
    assert.deepEqual(desiredConditions([js, practice, interview], ['formatOnType', 'aiCompletion']), { attemptIds: ['i1', 'i2'], languages: ['javascript', 'markdown', 'python'], groups: ['aiCompletion', 'formatOnType'] });
    assert.deepEqual(parseConditionGroups(['formatOnType', 'nonsense']), { groups: ['formatOnType'], unknown: ['nonsense'] });
  });

  it('record what was there before changing any setting, and change only workspace settings', async () => {
    const settings: FakeSettings = new FakeSettings(new Set([...EDITOR_KEYS, 'github.copilot.enable']), () => {
      assert.ok(fs.existsSync(path.join(dir, CONDITIONS_FILE)), 'a setting changed before the record was written');
    });
    settings.user.set('github.copilot.enable', { '*': true, yaml: false });
    settings.workspace.set('[python]editor.formatOnType', true);
    const userBefore = new Map(settings.user);
    const outcome = await reconcileConditions(dir, desiredConditions([interview], all), settings);
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
    await reconcileConditions(dir, desiredConditions([interview], all), settings);
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
    await reconcileConditions(dir, desiredConditions([interview], all), settings);
    settings.writes = [];
    // The window reloads: a new reconcile for the same running attempt.
    const again = await reconcileConditions(dir, desiredConditions([interview], all), settings);
    assert.deepEqual(settings.writes, []);
    assert.deepEqual(again.on?.attemptIds, ['i1']);
    // A second interview drill in the same language: the same settings hold, nothing is rewritten.
    const second = makeAttempt({ id: 'i3', start: T0, ending: 'open', mode: 'strict' });
    const both = await reconcileConditions(dir, desiredConditions([interview, second], all), settings);
    assert.deepEqual(settings.writes, []);
    assert.deepEqual(both.on?.attemptIds, ['i1', 'i3']);
    const ended = { ...interview, status: 'failed' as const };
    await reconcileConditions(dir, desiredConditions([ended, { ...second, status: 'abandoned' as const }], all), settings);
    assert.deepEqual(settings.snapshot(), before);
  });

  it('after a crash between the record and the settings, apply the rest on reload, or put back what was applied', async () => {
    const settings = new FakeSettings(new Set(EDITOR_KEYS));
    settings.workspace.set('[python]editor.formatOnType', true);
    const before = settings.snapshot();
    // What a window that died mid-way leaves: the record written, only the first two settings changed.
    const record = planConditions(desiredConditions([interview], all)!, (t) => settings.read(t));
    await writeConditionsRecord(dir, record);
    await settings.write(record.changes.slice(0, 2).map((c) => ({ target: { key: c.key, languageId: c.languageId! }, value: c.applied })));
    // Reloaded while the drill still runs: the rest is applied now, and the record keeps the values from before.
    await reconcileConditions(dir, desiredConditions([interview], all), settings);
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

  it('widen to a second drill in another language in one batch, keeping the values from before any drill', async () => {
    const settings = new FakeSettings(new Set(EDITOR_KEYS));
    settings.workspace.set('[markdown]editor.formatOnType', true);
    const before = settings.snapshot();
    let batches = 0;
    const counting: SettingsAccess = { read: (t) => settings.read(t), write: (w) => (batches++, settings.write(w)) };
    await reconcileConditions(dir, desiredConditions([interview], all), counting);
    const js = { ...makeAttempt({ id: 'j1', start: T0, ending: 'open', mode: 'strict' }), language: 'javascript' as const };
    batches = 0;
    const widened = await reconcileConditions(dir, desiredConditions([interview, js], all), counting);
    assert.equal(batches, 1);
    assert.deepEqual(widened.on?.languages, ['javascript', 'markdown', 'python']);
    assert.equal(widened.on?.changes.find((c) => c.key === 'editor.formatOnType' && c.languageId === 'markdown')?.previous, true);
    assert.equal(settings.read({ key: 'editor.formatOnType', languageId: 'javascript' }).workspace, false);
    await reconcileConditions(dir, undefined, counting);
    assert.deepEqual(settings.snapshot(), before);
  });

  it('leave a setting the user changed during the drill as the user set it', async () => {
    const settings = new FakeSettings(new Set(EDITOR_KEYS));
    await reconcileConditions(dir, desiredConditions([interview], ['parameterHints']), settings);
    settings.workspace.set('[python]editor.parameterHints.enabled', 'custom');
    const outcome = await reconcileConditions(dir, undefined, settings);
    assert.deepEqual(outcome.keptByUser, [{ key: 'editor.parameterHints.enabled', languageId: 'python' }]);
    assert.equal(settings.workspace.get('[python]editor.parameterHints.enabled'), 'custom');
    assert.equal(settings.workspace.has('[markdown]editor.parameterHints.enabled'), false);
  });

  it('report a damaged record and set it aside', async () => {
    fs.writeFileSync(path.join(dir, CONDITIONS_FILE), '{"version": 1, "attemptIds": ');
    const outcome = await reconcileConditions(dir, undefined, new FakeSettings(new Set(EDITOR_KEYS)));
    assert.match(outcome.issues[0], /not valid JSON/);
    assert.ok(fs.readdirSync(dir).some((n) => n.startsWith(`${CONDITIONS_FILE}.corrupt-`)));
  });
});
