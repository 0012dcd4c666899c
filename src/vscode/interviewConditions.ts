import * as vscode from 'vscode';
import {
  CONDITION_LABELS,
  desiredConditions,
  reconcileConditions,
  type ConditionsRecord,
  type SettingTarget,
  type SettingValues,
  type SettingWrite,
  type SettingsAccess,
} from '../core/progress/index';
import { isInside } from '../core/fs/paths';
import type { Config } from './config';
import type { DrillSession } from './session';

/**
 * Interview conditions in the editor: follows the session (the active drill, its mode and status) and lets
 * the core decide what to turn off and put back (core `reconcileConditions`). Settings are written at
 * workspace level only, inside `[language]` blocks where the setting allows, never in the user's settings.
 * The record of what was there lives in the workspace's storage, so a reload or a crash mid-drill puts
 * everything back once the drill is over. The status bar says when the conditions are on.
 */
export class InterviewConditions implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private current: ConditionsRecord | undefined;
  private readonly changed = new vscode.EventEmitter<ConditionsRecord | undefined>();
  /** Fires after the conditions went on, off, or changed. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly deps: {
      session: DrillSession;
      config: Config;
      /** The workspace's storage folder; without one (no folder open) nothing is changed. */
      storageDir: string | undefined;
      log: vscode.LogOutputChannel;
    },
  ) {
    this.item = vscode.window.createStatusBarItem('drills.interviewConditions', vscode.StatusBarAlignment.Left, 99);
    this.item.name = 'Drills Interview Conditions';
    this.disposables.push(
      this.item,
      this.changed,
      deps.session.onDidChangeAttempt(() => void this.reconcile()),
      deps.config.watch('interviewConditions', () => void this.reconcile()),
    );
  }

  /** The conditions on now, if any. */
  get active(): ConditionsRecord | undefined {
    return this.current;
  }

  /** Brings the settings in line with the session; calls run one after another. */
  reconcile(): Promise<ConditionsRecord | undefined> {
    const next = this.queue.then(() => this.reconcileNow());
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async reconcileNow(): Promise<ConditionsRecord | undefined> {
    const dir = this.deps.storageDir;
    if (!dir || !vscode.workspace.workspaceFolders?.length) return undefined;
    // History is shared by every window: only this workspace's drills count.
    const folders = vscode.workspace.workspaceFolders.map((f) => f.uri.fsPath);
    const open = this.deps.session.open.map((d) => d.attempt).filter((a) => folders.some((f) => isInside(f, a.attemptDir)));
    const desired = desiredConditions(open, this.deps.config.get('interviewConditions'));
    try {
      const outcome = await reconcileConditions(dir, desired, workspaceSettings);
      for (const issue of outcome.issues) {
        this.deps.log.warn(`Interview conditions: ${issue}`);
        void vscode.window.showWarningMessage(`Drills interview conditions: ${issue}`);
      }
      if (outcome.keptByUser.length > 0) this.deps.log.info(`Interview conditions: left as you changed them: ${outcome.keptByUser.map(describe).join(', ')}.`);
      const before = this.current;
      this.current = outcome.on;
      this.show();
      if ((before === undefined) !== (this.current === undefined) || before?.attemptIds.join() !== this.current?.attemptIds.join()) {
        this.deps.log.info(this.current ? `Interview conditions on for attempt ${this.current.attemptIds.join(', ')}.` : 'Interview conditions off; settings put back.');
      }
      this.changed.fire(this.current);
      return this.current;
    } catch (e) {
      this.deps.log.error(`Interview conditions failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return this.current;
    }
  }

  private show(): void {
    const on = this.current;
    if (!on) {
      this.item.hide();
      return;
    }
    this.item.text = '$(shield) Interview conditions';
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**Interview conditions are on** while this drill's timer runs.\n\n`);
    tooltip.appendMarkdown(`Off for ${on.languages.join(' and ')} in this workspace: ${on.groups.map((g) => CONDITION_LABELS[g]).join(', ')}.\n\n`);
    tooltip.appendMarkdown('They come back as they were when the drill ends. Choose what is turned off with the setting `drills.interviewConditions`.');
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: `Interview conditions on: ${on.groups.map((g) => CONDITION_LABELS[g]).join(', ')} turned off` };
    this.item.show();
  }

  dispose(): void {
    // Not put back here: a reload keeps them while the drill runs; the next start reconciles.
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

function describe(t: SettingTarget): string {
  return t.languageId ? `[${t.languageId}] ${t.key}` : t.key;
}

/** Workspace-level reads and writes of settings, language-scoped when the target has a language. */
const workspaceSettings: SettingsAccess = {
  read: readSetting,
  async write(writes) {
    const failed: SettingTarget[] = [];
    // An assistant that is not installed has no registered setting: writing it would fail, so it is skipped.
    const writable = writes.filter((w) => {
      const unknown = w.target.languageId === undefined && w.value !== undefined && vscode.workspace.getConfiguration().inspect(w.target.key)?.defaultValue === undefined;
      if (unknown) failed.push(w.target);
      return !unknown;
    });
    if (writable.length === 0) return failed;
    failed.push(...(await writeThroughEditor(writable)));
    return failed;
  },
};

function readSetting(target: SettingTarget): SettingValues {
  const config = vscode.workspace.getConfiguration(undefined, target.languageId ? { languageId: target.languageId } : undefined);
  const inspected = config.inspect(target.key);
  if (!inspected) return {};
  const workspace = target.languageId ? inspected.workspaceLanguageValue : inspected.workspaceValue;
  const effective = config.get(target.key);
  return { ...(workspace !== undefined ? { workspace } : {}), ...(effective !== undefined ? { effective } : {}) };
}

/**
 * The writes through the editor's configuration API, one `[language]` block at a time; resolves with the ones
 * that failed. Never straight to the settings file: the editor queues its settings writes and makes each through
 * its own copy of the file, so a file written behind its back is newer than that copy until its file watcher
 * catches up (seconds in a busy window), and a setting the user changes meanwhile is refused ("the content of the
 * file is newer") and leaves the file with unsaved changes.
 */
async function writeThroughEditor(writes: readonly SettingWrite[]): Promise<SettingTarget[]> {
  const failed: SettingTarget[] = [];
  const byLanguage = new Map<string, SettingWrite[]>();
  for (const w of writes) {
    if (w.target.languageId !== undefined) byLanguage.set(w.target.languageId, [...(byLanguage.get(w.target.languageId) ?? []), w]);
  }
  for (const [languageId, group] of byLanguage) {
    const section = `[${languageId}]`;
    // Read just before the write, so a change the user made to this block meanwhile is kept.
    const root = vscode.workspace.getConfiguration();
    const block: Record<string, unknown> = { ...((root.inspect<Record<string, unknown>>(section)?.workspaceValue) ?? {}) };
    for (const w of group) {
      if (w.value === undefined) delete block[w.target.key];
      else block[w.target.key] = w.value;
    }
    try {
      await root.update(section, Object.keys(block).length > 0 ? block : undefined, vscode.ConfigurationTarget.Workspace);
    } catch {
      failed.push(...group.map((w) => w.target));
    }
  }
  for (const w of writes.filter((x) => x.target.languageId === undefined)) {
    try {
      await vscode.workspace.getConfiguration().update(w.target.key, w.value, vscode.ConfigurationTarget.Workspace);
    } catch {
      failed.push(w.target);
    }
  }
  return failed;
}
