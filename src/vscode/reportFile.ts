import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';

/**
 * Writes a report to `drills/<name>-<date>.md` in the workspace, so it is kept like any file and closing it asks
 * nothing; without a folder it is an untitled document. Returns where it is.
 */
export async function writeReport(name: string, markdown: string, startedAt: number): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
  if (!folder) return (await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown })).uri;
  const stamp = new Date(startedAt).toISOString().slice(0, 16).replace(/[:T]/g, '-');
  const uri = vscode.Uri.file(path.join(folder.uri.fsPath, 'drills', `${name}-${stamp}.md`));
  await fsp.mkdir(path.dirname(uri.fsPath), { recursive: true });
  await fsp.writeFile(uri.fsPath, markdown, 'utf8');
  return uri;
}

/**
 * Shows a report full width (the drills' editor groups joined first, nothing closed) as a locked Markdown preview: it
 * stays the report when another Markdown file (the next drill's PLAN.md) becomes the active editor.
 */
export async function previewReport(uri: vscode.Uri): Promise<void> {
  try {
    await vscode.commands.executeCommand('workbench.action.joinAllGroups');
    await vscode.commands.executeCommand('markdown.showPreview', uri, undefined, { locked: true });
  } catch {
    await vscode.window.showTextDocument(uri);
  }
}
