import * as vscode from 'vscode';

export { KindCommands } from './constants';

/** The view listing design prompts and the story bank, in the Drills container. */
export const KINDS_VIEW = 'drills.kinds';

/** `when`-clause keys of the design and story drills. */
export const KindContextKeys = {
  /** The open design drill's stage: writing, probing or rating (unset when none is open). */
  designStage: 'drills.designStage',
  /** A rehearsal answer is being timed. */
  rehearsing: 'drills.rehearsing',
} as const;

type KindContextKey = (typeof KindContextKeys)[keyof typeof KindContextKeys];

/** Sets one of these keys; `clearKindContext` undoes them all. */
export async function setKindContext(key: KindContextKey, value: unknown): Promise<void> {
  await vscode.commands.executeCommand('setContext', key, value);
}

/** Clears the keys (on dispose). */
export async function clearKindContext(): Promise<void> {
  await Promise.all(Object.values(KindContextKeys).map((k) => vscode.commands.executeCommand('setContext', k, undefined)));
}

/** The pickers and messages the drills use: the editor's by default, scripted by the integration tests. */
export interface KindsUi {
  pick<T extends vscode.QuickPickItem>(items: T[], options: vscode.QuickPickOptions): Promise<T | undefined>;
  info(message: string): void;
  warn(message: string): void;
}

export const editorUi: KindsUi = {
  pick: async (items, options) => vscode.window.showQuickPick(items, options),
  info: (message) => void vscode.window.showInformationMessage(message),
  warn: (message) => void vscode.window.showWarningMessage(message),
};

/** `mm:ss`, with a `+` in overtime; rounded up, so 00:00 means the time is up. */
export function clockText(remainingMs: number): string {
  const over = remainingMs < 0;
  const seconds = over ? Math.floor(-remainingMs / 1000) : Math.ceil(remainingMs / 1000);
  const text = `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
  return over ? `+${text}` : text;
}
