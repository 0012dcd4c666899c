import * as vscode from 'vscode';
import { LANGUAGES, languageById } from '../core/languages/registry';
import type { Language } from '../core/pack/types';
import { createInterpreterResolver, type InterpreterResolver } from '../core/runner/index';
import { toolchainPaths, type Config } from './config';

/**
 * Which toolchains are missing, for the language pick. One resolver while the settings stay the same, so a toolchain
 * found is not looked up again (a missing one is, as it may be installed meanwhile).
 */
export class ToolchainLookup {
  private current: { paths: string; resolver: InterpreterResolver } | undefined;

  constructor(
    private readonly config: Config,
    private readonly cacheFile: string,
  ) {}

  /** For each of these languages whose toolchain is not found: what to install and the setting to point at one. */
  async missing(languages: readonly Language[]): Promise<ReadonlyMap<Language, string>> {
    const resolver = this.resolver();
    const missing = new Map<Language, string>();
    for (const language of languages) {
      const found = await resolver.resolve(languageById(language).toolchain.id);
      if (!found.ok) missing.set(language, found.message);
    }
    return missing;
  }

  private resolver(): InterpreterResolver {
    const configured = toolchainPaths(this.config);
    const paths = JSON.stringify(configured);
    if (this.current?.paths !== paths) this.current = { paths, resolver: createInterpreterResolver({ paths: configured, cacheFile: this.cacheFile }) };
    return this.current.resolver;
  }
}

/** The walkthrough's first step: finds each language's interpreter and says what was found. */
export async function checkToolchains(config: Config, cacheFile: string): Promise<{ language: string; ok: boolean; detail: string }[]> {
  const resolver = createInterpreterResolver({ paths: toolchainPaths(config), cacheFile });
  const results = [];
  for (const language of LANGUAGES) {
    const found = await resolver.resolve(language.toolchain.id);
    results.push({ language: language.id, ok: found.ok, detail: found.ok ? found.interpreter.command : found.message });
  }
  const missing = results.filter((r) => !r.ok);
  const text = results.map((r) => `${r.language}: ${r.ok ? r.detail : 'missing'}`).join(' · ');
  if (missing.length === 0) void vscode.window.showInformationMessage(`Toolchains ready. ${text}`);
  else void vscode.window.showWarningMessage(`${missing.map((m) => m.detail).join(' ')} (${text})`, 'Open Settings').then((c) => (c ? vscode.commands.executeCommand('workbench.action.openSettings', 'drills.toolchains') : undefined));
  return results;
}
