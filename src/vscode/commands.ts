import * as vscode from 'vscode';
import { COMMAND_IDS, type CommandId } from './constants';

/** What a command runs with the arguments VS Code passes (a tree node, a URI…). */
export type CommandHandler = (...args: unknown[]) => unknown;

/** Every command of the extension with its handler: one entry per id in package.json, checked by the compiler. */
export type CommandTable = Record<CommandId, CommandHandler>;

/**
 * Registers every command of the table. Called once in `activate`, before anything is restored: the handlers
 * reach the services they need when they run, so a restore that fails leaves every command registered (its
 * handler says what is not available) and a reload of the session re-registers nothing.
 */
export function registerCommandTable(table: CommandTable): vscode.Disposable[] {
  return COMMAND_IDS.map((id) => vscode.commands.registerCommand(id, table[id]));
}

/**
 * The handler of a command that needs a service created after activation (the drill session, the design and
 * story drills): it runs `use` on the service when there is one, and otherwise tells the user why the command
 * cannot run now.
 */
export function whenAvailable<S>(service: () => S | undefined, unavailable: () => string, use: (s: S, ...args: unknown[]) => unknown): CommandHandler {
  return (...args) => {
    const s = service();
    if (s === undefined) {
      void vscode.window.showWarningMessage(unavailable());
      return undefined;
    }
    return use(s, ...args);
  };
}
