// Shared by the Drills view and Start Drill suites (not a suite itself: the name does not end in .test.ts).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DrillsApi } from '../../src/vscode/extension';
import type { DrillNode } from '../../src/vscode/drillsTree';

/** The extension's API, activated. */
export async function drillsApi(): Promise<{ api: DrillsApi; extensionPath: string }> {
  const ext = vscode.extensions.getExtension<DrillsApi>('drills.drills');
  assert.ok(ext, 'the extension is not loaded');
  const api = await ext.activate();
  return { api, extensionPath: ext.extensionPath };
}

/** The first workspace folder's path: a per-run copy of test/fixtures/workspace. */
export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite needs a workspace folder');
  return folder.uri.fsPath;
}

/** How often `until` checks: the checks are cheap reads of the editor's state, and every wait ends this much sooner. */
const POLL_MS = 25;

/** Polls `check` until it returns a value other than undefined/false; fails with `what` after `timeoutMs`. */
export async function until<T>(what: string, check: () => T | undefined | false, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** The label of a row. */
export function labelOf(api: DrillsApi, node: DrillNode): string {
  const label = api.tree.getTreeItem(node).label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

/** Every row of the tree, depth first. */
export function allNodes(api: DrillsApi): DrillNode[] {
  const out: DrillNode[] = [];
  const walk = (nodes: DrillNode[]) => {
    for (const n of nodes) {
      out.push(n);
      walk(api.tree.getChildren(n));
    }
  };
  walk(api.tree.getChildren());
  return out;
}

/** The pack row whose folder is `dir`. */
export function packNode(api: DrillsApi, dir: string): DrillNode | undefined {
  return api.tree.getChildren().find((n) => n.kind === 'pack' && path.resolve(n.source.pack.dir) === path.resolve(dir));
}
