import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { dayOf, parseDay } from '../core/progress/index';
import type { MockReport, MockSession } from '../core/attempt/index';
import type { DashboardRequest, DashboardView, FromWebview, RenderReport, ToWebview } from '../webview/protocol';
import type { Config } from './config';
import { Commands, ContextKeys } from './constants';
import { setContext } from './context';
import type { PacksService } from './packs';
import type { ProgressService } from './dashboardProgress';
import type { KindsApi } from './kinds';
import { KindCommands } from './kindsConstants';

/** globalState key: the interview date was asked for once (answered or dismissed). */
export const DATE_ASKED_KEY = 'drills.interviewDateAsked';

/** The webview panel's type id (also what the panel's tab is found by). */
export const DASHBOARD_VIEW_TYPE = 'drills.dashboard';

/**
 * The dashboard: a webview panel that draws the core's dashboard model (plan, plots, reviews, mocks).
 * Built to the strict webview rules: `default-src 'none'`, the one script admitted by a fresh nonce, resources
 * only from the built webview folder, no inline style or script. The view says `ready` before it is sent
 * anything; each click is a request with an id, answered by a response of the same id.
 */
export class Dashboard implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private view: DashboardView = { kind: 'plan' };
  private ready = false;
  private readonly rendered = new vscode.EventEmitter<RenderReport>();
  /** Fires after the view drew a model. */
  readonly onDidRender = this.rendered.event;
  /** The last thing the view drew. */
  lastRender: RenderReport | undefined;
  /** Content Security Policy violations the view reported (none is the goal). */
  readonly cspViolations: string[] = [];
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly deps: {
      extensionUri: vscode.Uri;
      progress: ProgressService;
      packs: PacksService;
      config: Config;
      state: vscode.Memento;
      log: vscode.LogOutputChannel;
      kinds?: KindsApi;
    },
  ) {
    this.disposables.push(this.rendered, deps.progress.onDidChange(() => this.push()));
  }

  /**
   * Asks for the interview date (an input box). Every ask goes through here, the first-open one and the
   * command's; the integration tests wrap it to see when it is asked and to answer it.
   */
  askDate: () => Promise<string | null | undefined> = () => askInterviewDate(this.deps.config, this.deps.progress.now);

  /** Whether the first open already asked for the date. */
  get dateAsked(): boolean {
    return this.deps.state.get<boolean>(DATE_ASKED_KEY) === true;
  }

  /** Forgets that the date was asked, so the next open asks again (after the history was cleared, say). */
  async forgetDateAsked(): Promise<void> {
    await this.deps.state.update(DATE_ASKED_KEY, undefined);
  }

  /** The panel, while open. */
  get webviewPanel(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  /** Opens (or reveals) the dashboard on a view; asks for the interview date once, the first time. */
  async open(view: DashboardView = { kind: 'plan' }): Promise<void> {
    this.view = view;
    if (this.panel) {
      this.panel.reveal();
      this.push();
      return;
    }
    const root = vscode.Uri.joinPath(this.deps.extensionUri, 'out', 'webview');
    const panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, 'Drills Dashboard', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [root],
      retainContextWhenHidden: false,
    });
    this.panel = panel;
    this.ready = false;
    panel.iconPath = vscode.Uri.joinPath(this.deps.extensionUri, 'media', 'drills.svg');
    panel.webview.html = dashboardHtml(panel.webview, root, nonce());
    panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
    }, undefined, this.disposables);
    panel.onDidChangeViewState(() => {
      // A hidden webview is torn down (retainContextWhenHidden off): it says ready again when shown.
      if (!panel.visible) this.ready = false;
    }, undefined, this.disposables);
    panel.webview.onDidReceiveMessage((m: FromWebview) => void this.onMessage(m), undefined, this.disposables);
    await setContext(ContextKeys.dashboardOpened, true);
    await this.deps.progress.refresh();
    if (!this.deps.config.get('interviewDate') && !this.dateAsked) {
      // Asked once, and not awaited: the dashboard is drawn meanwhile, and dismissing the box leaves it open with a
      // three-week plan from today ("Set Interview Date" in the view and the command ask again at any time).
      await this.deps.state.update(DATE_ASKED_KEY, true);
      this.askDate().then(undefined, (e: unknown) => this.deps.log.warn(`Asking for the interview date failed: ${String(e)}`));
    }
  }

  /** Opens a finished mock's report in the dashboard. */
  async showMock(session: MockSession, _report: MockReport): Promise<void> {
    await this.deps.progress.recordMock(session);
    // Full width, not beside the last drill's solution: its editor groups are joined first (nothing is closed).
    if (!this.panel) await Promise.resolve(vscode.commands.executeCommand('workbench.action.joinAllGroups')).catch(() => undefined);
    await this.open({ kind: 'mock', mockId: session.id });
  }

  /** Sends the current model (when the view is ready for it). */
  private push(): void {
    if (!this.panel || !this.ready) return;
    const message: ToWebview = { type: 'model', view: this.view, model: this.deps.progress.model() };
    if (this.view.kind === 'mock') {
      const mock = this.deps.progress.mockPayload(this.view.mockId);
      if (mock) message.mock = mock;
      else message.view = { kind: 'plan' };
    }
    void this.panel.webview.postMessage(message);
  }

  private async onMessage(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.push();
        return;
      case 'rendered':
        this.lastRender = message.report;
        this.rendered.fire(message.report);
        return;
      case 'cspViolation': {
        const text = `${message.directive} blocked ${message.blockedURI || 'inline content'}${message.sample ? ` (${message.sample})` : ''}`;
        this.cspViolations.push(text);
        this.deps.log.error(`Dashboard: Content Security Policy violation: ${text}`);
        return;
      }
      case 'request': {
        let response: ToWebview;
        try {
          await this.handleRequest(message.request);
          response = { type: 'response', requestId: message.requestId, ok: true };
        } catch (e) {
          response = { type: 'response', requestId: message.requestId, ok: false, error: e instanceof Error ? e.message : String(e) };
        }
        await this.panel?.webview.postMessage(response);
        return;
      }
    }
  }

  /** Does what a click in the view asked for (public so the integration tests can click without a browser). */
  async handleRequest(request: DashboardRequest): Promise<void> {
    switch (request.kind) {
      case 'start': {
        const action = request.action;
        switch (action.kind) {
          case 'startMock':
            await vscode.commands.executeCommand(Commands.startMock);
            return;
          case 'rehearse':
            await vscode.commands.executeCommand(KindCommands.rehearse);
            return;
          case 'writeStories':
            await vscode.commands.executeCommand(KindCommands.createStoryBank);
            return;
          case 'startDesign': {
            const problem = this.deps.kinds?.designs.find(action.packId, action.problemId);
            if (!problem) throw new Error(`${action.title} is not in any pack now.`);
            // The same node the Design & Stories view passes to its start command.
            await vscode.commands.executeCommand(KindCommands.startDesign, { kind: 'design', problem, builtIn: false });
            return;
          }
          case 'startDrill': {
            const problem = this.deps.packs.findProblem(action.packId, action.problemId);
            if (!problem) throw new Error(`${action.title} is not in any pack now.`);
            await vscode.commands.executeCommand(Commands.startDrill, problem);
            return;
          }
        }
        return;
      }
      case 'rate':
        await this.deps.progress.setRating(request.attemptId, request.rating);
        return;
      case 'setInterviewDate':
        await this.askDate();
        return;
      case 'show':
        this.view = request.view;
        this.push();
        return;
    }
  }

  dispose(): void {
    this.panel?.dispose();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

function nonce(): string {
  return randomBytes(18).toString('base64');
}

/** The page: a policy that admits only the bundled script (by nonce) and stylesheet, from the webview folder. */
export function dashboardHtml(webview: vscode.Webview, root: vscode.Uri, scriptNonce: string): string {
  const script = webview.asWebviewUri(vscode.Uri.joinPath(root, 'dashboard.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(root, 'dashboard.css'));
  const csp = [`default-src 'none'`, `img-src ${webview.cspSource} data:`, `style-src ${webview.cspSource}`, `font-src ${webview.cspSource}`, `script-src 'nonce-${scriptNonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Drills Dashboard</title>
</head>
<body>
<main id="app" aria-busy="true"><p>Loading your progress…</p></main>
<script nonce="${scriptNonce}" src="${script.toString()}"></script>
</body>
</html>`;
}

/** Asks for the interview date; an empty answer clears it, dismissing changes nothing. */
export async function askInterviewDate(config: Config, now: () => number = Date.now): Promise<string | null | undefined> {
  const current = config.get('interviewDate');
  const today = dayOf(now(), -new Date(now()).getTimezoneOffset());
  const answer = await vscode.window.showInputBox({
    title: 'Interview date',
    prompt: 'The day of your interview (YYYY-MM-DD): the plan and the review intervals count down to it. Empty clears it.',
    placeHolder: today,
    value: current ?? '',
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' || parseDay(v) ? undefined : 'A date as YYYY-MM-DD, e.g. 2026-12-15'),
  });
  if (answer === undefined) return undefined;
  const value = answer.trim() === '' ? null : (parseDay(answer) ?? null);
  await vscode.workspace.getConfiguration('drills').update('interviewDate', value ?? undefined, vscode.ConfigurationTarget.Global);
  return value;
}

/** The dashboard's commands: open it, export and import history. */
export type DashboardCommandId = typeof Commands.openDashboard | typeof Commands.exportHistory | typeof Commands.importHistory;

/** The handlers of the dashboard's commands (the command table calls them). */
export function dashboardCommands(deps: { dashboard: Dashboard; progress: ProgressService; afterImport: () => Promise<void> }): Record<DashboardCommandId, (...args: unknown[]) => unknown> {
  return {
    [Commands.openDashboard]: () => deps.dashboard.open(),
    [Commands.exportHistory]: () => exportHistory(deps.progress),
    [Commands.importHistory]: async () => {
      const summary = await importHistory(deps.progress);
      if (summary) await deps.afterImport();
      return summary;
    },
  };
}

async function exportHistory(progress: ProgressService): Promise<vscode.Uri | undefined> {
  const format = await vscode.window.showQuickPick(
    [
      { label: 'JSON', description: 'every attempt and rating, to import on another machine', format: 'json' as const },
      { label: 'CSV', description: 'one row per attempt, for a spreadsheet', format: 'csv' as const },
    ],
    { title: 'Export history', placeHolder: 'Which format?' },
  );
  if (!format) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `drills-history-${new Date().toISOString().slice(0, 10)}.${format.format}`;
  const target = await vscode.window.showSaveDialog({
    title: 'Export history',
    saveLabel: 'Export',
    filters: format.format === 'json' ? { JSON: ['json'] } : { CSV: ['csv'] },
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}),
  });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, Buffer.from(await progress.exportText(format.format), 'utf8'));
  void vscode.window.showInformationMessage(`History exported to ${target.fsPath}.`);
  return target;
}

async function importHistory(progress: ProgressService) {
  const picked = await vscode.window.showOpenDialog({ title: 'Import history', openLabel: 'Import', canSelectMany: false, filters: { 'Drills history export': ['json', 'csv'] } });
  if (!picked?.[0]) return undefined;
  const text = Buffer.from(await vscode.workspace.fs.readFile(picked[0])).toString('utf8');
  const summary = await progress.importText(text, picked[0].path.toLowerCase().endsWith('.csv') ? 'csv' : 'json');
  const parts = [`${summary.added} attempt${summary.added === 1 ? '' : 's'} added`];
  if (summary.duplicates > 0) parts.push(`${summary.duplicates} already in your history`);
  if (summary.open > 0) parts.push(`${summary.open} unfinished left out`);
  if (summary.issues.length > 0) {
    void vscode.window.showWarningMessage(`Import: ${parts.join(', ')}. ${summary.issues.length} could not be read: ${summary.issues.slice(0, 3).join('; ')}`);
  } else {
    void vscode.window.showInformationMessage(`Import: ${parts.join(', ')}.`);
  }
  return summary;
}

