import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** scripts/lib/provision.mjs, from out/test/unit/testing/. */
const PROVISION = pathToFileURL(path.resolve(__dirname, '..', '..', '..', '..', 'scripts', 'lib', 'provision.mjs')).href;

/**
 * Runs `ensureToolchains` in a Node ES module (the scripts are ES modules) with the commands in `present` on the
 * PATH and `root` as the user; installing "adds" the packages' commands. Returns what it logged, installed or threw.
 */
function ensureToolchains(present: string[], root: boolean): { logged: string[]; installed: string[][]; error?: string; returned?: string[] } {
  const program = `
    import { ensureToolchains, MissingToolchainsError, TOOLCHAINS } from ${JSON.stringify(PROVISION)};
    const present = new Set(${JSON.stringify(present)});
    const out = { logged: [], installed: [] };
    try {
      out.returned = ensureToolchains({
        log: (line) => out.logged.push(line),
        has: (c) => present.has(c),
        isRoot: ${root},
        install: (names) => {
          out.installed.push(names);
          for (const t of TOOLCHAINS) if (names.includes(t.debian)) t.commands.forEach((c) => present.add(c));
        },
      });
    } catch (e) {
      out.error = (e instanceof MissingToolchainsError ? 'MissingToolchainsError: ' : 'other: ') + e.message;
    }
    console.log(JSON.stringify(out));
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', program], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as ReturnType<typeof ensureToolchains>;
}

describe('provisioning the compiled languages\' toolchains', () => {
  it('installs nothing when javac, java, g++ and go are on the PATH', () => {
    const r = ensureToolchains(['javac', 'java', 'g++', 'go'], true);
    assert.deepEqual(r.installed, []);
    assert.deepEqual(r.returned, []);
    assert.match(r.logged.join('\n'), /Toolchains: Java, C\+\+, Go/);
  });

  it('as root, installs the Debian packages of the missing ones only', () => {
    const r = ensureToolchains(['g++'], true);
    assert.equal(r.error, undefined);
    assert.deepEqual(r.installed, [['default-jdk-headless', 'golang-go']]);
    assert.match(r.logged.join('\n'), /Installing the toolchains of Java, Go: default-jdk-headless golang-go/);
  });

  it('not root, names the missing languages, their commands and the packages to install, and installs nothing', () => {
    const r = ensureToolchains(['javac', 'g++'], false);
    assert.deepEqual(r.installed, []);
    assert.match(r.error ?? '', /^MissingToolchainsError: Missing toolchains: Java \(java\), Go \(go\)\./);
    assert.match(r.error ?? '', /sudo apt-get install -y default-jdk-headless golang-go/);
  });
});
