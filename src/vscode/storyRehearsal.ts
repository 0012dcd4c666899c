import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { RUBRIC_MAX, RUBRIC_MIN } from '../core/kinds/design/format';
import { kindEntryId, type KindHistory } from '../core/kinds/history';
import {
  chooseStory, isRehearsalError, rateRehearsal, rehearsalClock, rehearsalRecord, REHEARSAL_RUBRIC, startRehearsal, stopAnswer, storyHeadings,
  type RehearsalState, type StoryQuestion, type StoryRehearsalRecord,
} from '../core/kinds/story/index';
import { clockText, KindCommands, KindContextKeys, setKindContext, type KindsUi } from './kindsConstants';
import type { KindsStatusBar } from './kindsStatusBar';
import type { StoryBank } from './storyBank';

export interface RehearsalDeps {
  bank: StoryBank;
  history: KindHistory;
  status: KindsStatusBar;
  ui: () => KindsUi;
  showReadOnly(name: string, markdown: string): Promise<vscode.Uri>;
  /** Called when a rehearsal ends, however it ends (the design drill takes the status bar back). */
  onDidEnd(): void;
  log: vscode.LogOutputChannel;
  now?: () => number;
  random?: () => number;
}

/** How a rehearsal ended. */
export type RehearsalOutcome = { started: RehearsalState } | { recorded: StoryRehearsalRecord } | { cancelled: 'story' | 'rating' } | { refused: string };

/**
 * A rehearsal in the editor: a random question from the pack's bank, the candidate picks the story that answers
 * it, the story's text is hidden (its tabs closed, only its headings shown) while a timer runs in the status bar,
 * then a self-rating, recorded in history. Cancelling any pick ends the rehearsal without a record.
 */
export class StoryRehearsals implements vscode.Disposable {
  private state: RehearsalState | undefined;
  private readonly recent: string[] = [];
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly ended = new vscode.EventEmitter<RehearsalOutcome>();
  /** Fires when a rehearsal ends, recorded or cancelled (a mock loop's behavioural round reads it). */
  readonly onDidEndRehearsal = this.ended.event;

  constructor(private readonly deps: RehearsalDeps) {
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
  }

  /** The rehearsal under way, if any. */
  get current(): RehearsalState | undefined {
    return this.state;
  }

  /** Asks a question (`question`, or a random one of the pack) and starts the answer's timer once a story is picked (`stop` ends it). */
  async start(question?: StoryQuestion): Promise<RehearsalOutcome> {
    const ui = this.deps.ui();
    if (this.state) {
      const message = 'A rehearsal is under way: stop it from the status bar first.';
      ui.info(message);
      return { refused: message };
    }
    const pack = await this.deps.bank.pack();
    const stories = (await this.deps.bank.stories()).filter((s) => s.file);
    if (!pack || stories.length === 0) {
      const message = pack ? 'The story bank has no stories yet: run "Drills: Create Story Bank" and write them first.' : 'No story pack loads: see the Drills log.';
      ui.warn(message);
      return { refused: message };
    }
    const asked = startRehearsal(question ? [question] : pack.questions, this.random, this.now(), this.recent);
    if (isRehearsalError(asked)) {
      ui.warn(asked.message);
      return { refused: asked.message };
    }
    this.recent.push(asked.question.id);
    if (this.recent.length > 3) this.recent.shift();
    const picked = await ui.pick(
      stories.map((s) => ({ label: s.title, description: path.basename(s.file!), story: s })),
      { title: `“${asked.question.text}”`, placeHolder: 'Which story answers it? The timer starts when you pick one.', ignoreFocusOut: true },
    );
    if (!picked) {
      this.ended.fire({ cancelled: 'story' });
      return { cancelled: 'story' };
    }
    const chosen = chooseStory(asked, { file: picked.story.file!, type: picked.story.type }, this.now());
    if (isRehearsalError(chosen)) throw new Error(chosen.message);
    this.state = chosen;
    await this.hideStory(picked.story.file!, asked.question.text);
    await setKindContext(KindContextKeys.rehearsing, true);
    this.deps.status.show(() => this.statusOf());
    return { started: chosen };
  }

  /** Stops the answer's timer and asks for the self-rating; records the rehearsal when every criterion is rated. */
  async stop(): Promise<RehearsalOutcome> {
    if (!this.state || this.state.stage !== 'answering') return { refused: 'No rehearsal answer is running.' };
    const stopped = stopAnswer(this.state, this.now());
    if (isRehearsalError(stopped)) throw new Error(stopped.message);
    this.state = stopped;
    this.deps.status.clear();
    await setKindContext(KindContextKeys.rehearsing, false);
    const spoken = clockText((stopped.answerStoppedAt ?? 0) - (stopped.answerStartedAt ?? 0));
    const rating: Record<string, number> = {};
    for (const [i, criterion] of REHEARSAL_RUBRIC.entries()) {
      const items = [1, 2, 3, 4].slice(RUBRIC_MIN - 1, RUBRIC_MAX).map((n) => ({ label: String(n), description: ['not at all', 'partly', 'mostly', 'fully'][n - 1], score: n }));
      const picked = await this.deps.ui().pick(items, { title: `Rate your answer (${spoken} spoken) ${i + 1}/${REHEARSAL_RUBRIC.length}: ${criterion.title}`, ignoreFocusOut: true });
      if (!picked) return this.end({ cancelled: 'rating' });
      rating[criterion.id] = picked.score;
    }
    const rated = rateRehearsal(stopped, rating, this.now());
    if (isRehearsalError(rated)) throw new Error(rated.message);
    const record = rehearsalRecord(rated);
    await this.deps.history.save({ id: kindEntryId('story', record.questionId, record.askedAt), kind: 'story', record });
    this.deps.ui().info(`Rehearsal recorded: ${record.score}/${record.max}${record.overtime ? ', over the time' : ''}${record.storyMatches ? '' : ' (the pack suggests another story for this question)'}.`);
    return this.end({ recorded: record });
  }

  private end(outcome: RehearsalOutcome): RehearsalOutcome {
    this.state = undefined;
    this.deps.status.clear();
    void setKindContext(KindContextKeys.rehearsing, false);
    this.deps.onDidEnd();
    this.ended.fire(outcome);
    return outcome;
  }

  /** Closes the story's editors (unless they hold unsaved changes) and shows only its headings. */
  private async hideStory(file: string, question: string): Promise<void> {
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.fsPath === file && !t.isDirty);
    if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
    const text = await fs.readFile(file, 'utf8');
    const outline = [`> ${question}`, '', ...storyHeadings(text).flatMap((h) => [h, ''])].join('\n');
    const uri = await this.deps.showReadOnly(`rehearsal-${path.basename(file)}`, outline);
    await vscode.window.showTextDocument(uri, { preview: true, preserveFocus: false });
  }

  /** What the status bar says while the answer runs. */
  statusOf(): { text: string; tooltip: string; command: string; warning: boolean } | undefined {
    if (!this.state || this.state.stage !== 'answering') return undefined;
    const clock = rehearsalClock(this.state, this.now());
    return { text: `$(mic) Answer ${clockText(clock.remainingMs)}`, tooltip: `${this.state.question.text}\nClick when you have finished answering.`, command: KindCommands.stopRehearsal, warning: clock.overtime };
  }

  dispose(): void {
    if (this.state) this.end({ cancelled: 'rating' });
    this.ended.dispose();
  }
}
