import * as vscode from 'vscode';
import { ContextKeys, type ContextKey } from './constants';

const current = new Map<ContextKey, unknown>();

/** Sets a `when`-clause context key, remembering it so `clearContext` can undo it. */
export async function setContext(key: ContextKey, value: unknown): Promise<void> {
  current.set(key, value);
  await vscode.commands.executeCommand('setContext', key, value);
}

/** Reads back a key this extension set. */
export function getContext(key: ContextKey): unknown {
  return current.get(key);
}

/** Clears every key this extension set (on deactivate). */
export async function clearContext(): Promise<void> {
  await Promise.all(Object.values(ContextKeys).map((k) => vscode.commands.executeCommand('setContext', k, undefined)));
  current.clear();
}
