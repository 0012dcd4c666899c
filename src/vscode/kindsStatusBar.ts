import * as vscode from 'vscode';

/** What the item shows at a moment. */
export interface KindsStatus {
  text: string;
  tooltip: string;
  command: string;
  /** Shown with the warning colours (a timer in overtime). */
  warning: boolean;
}

/**
 * The status bar item of the design and story drills: one item, fed by whichever drill is running, redrawn
 * every second while it shows a timer. The coding drill's timer has its own item.
 */
export class KindsStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('drills.kindsTimer', vscode.StatusBarAlignment.Left, 99);
  private source: (() => KindsStatus | undefined) | undefined;
  private ticker: NodeJS.Timeout | undefined;

  constructor() {
    this.item.name = 'Drills: design and story timer';
  }

  /** Shows what `source` says, every second, until `clear` (or until `source` returns undefined). */
  show(source: () => KindsStatus | undefined): void {
    this.source = source;
    this.redraw();
    if (!this.ticker) this.ticker = setInterval(() => this.redraw(), 1000);
  }

  /** Hides the item and stops the redraws. */
  clear(): void {
    this.source = undefined;
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = undefined;
    this.item.hide();
  }

  /** The text as last drawn (empty when hidden). */
  get text(): string {
    return this.source ? this.item.text : '';
  }

  private redraw(): void {
    const status = this.source?.();
    if (!status) {
      this.clear();
      return;
    }
    this.item.text = status.text;
    this.item.tooltip = status.tooltip;
    this.item.command = status.command;
    this.item.backgroundColor = status.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.clear();
    this.item.dispose();
  }
}
