import * as vscode from 'vscode';

/** The extension's log, shown in the Output panel as "Drills". */
export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('Drills', { log: true });
}
