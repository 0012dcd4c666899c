import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  LANGUAGE_IDS,
  LANGUAGES,
  TOOLCHAINS,
  definitionLineOf,
  isLanguage,
  languageById,
  languageForFile,
  languageForKey,
  stackFramesOf,
} from '../../../src/core/languages/registry';
import type { ToolchainSpec } from '../../../src/core/languages/types';
import { STARTER_FILES } from '../../../src/core/pack/constants';
import { createInterpreterResolver, toolchainMissingMessage } from '../../../src/core/runner/interpreters';

describe('languages: the registry', () => {
  it('every language has a unique id, label, extension and solution file named by its extension', () => {
    for (const key of ['id', 'label', 'extension', 'solutionFile'] as const) {
      const values = LANGUAGES.map((l) => l[key].toLowerCase());
      assert.equal(new Set(values).size, values.length, `${key} repeats: ${values.join(', ')}`);
    }
    for (const l of LANGUAGES) {
      assert.match(l.id, /^[a-z][a-z0-9]*$/, 'an id is a plain lower-case word (it is a YAML key and a setting key)');
      assert.ok(l.extension.startsWith('.') && l.solutionFile.endsWith(l.extension), `${l.id}: ${l.solutionFile} ends with ${l.extension}`);
      assert.ok(l.harnessFiles.length > 0, `${l.id} names its harness`);
      assert.equal(languageForFile(path.join('/w', l.solutionFile)), l.id);
      assert.equal(languageById(l.id), l);
      assert.equal(STARTER_FILES[l.id], l.solutionFile, 'the starter file comes from the module');
    }
    assert.deepEqual(LANGUAGE_IDS, LANGUAGES.map((l) => l.id));
  });

  it('aliases never collide with an id or with each other, and name their language in names: and raises: maps', () => {
    const aliases = LANGUAGES.flatMap((l) => l.aliases);
    assert.equal(new Set(aliases).size, aliases.length);
    for (const l of LANGUAGES) {
      for (const alias of l.aliases) {
        assert.ok(!isLanguage(alias), `${alias} is an id`);
        assert.equal(languageForKey(alias), l.id);
      }
      assert.equal(languageForKey(l.id), l.id);
    }
    assert.equal(languageForKey('cobol'), undefined);
  });

  it('a toolchain shared by languages is one spec, listed once', () => {
    const ids = TOOLCHAINS.map((t) => t.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const l of LANGUAGES) assert.equal(TOOLCHAINS.find((t) => t.id === l.toolchain.id), l.toolchain, `${l.id} uses the listed spec`);
  });

  it('files are matched by extension, declaration files and other files are not solutions', () => {
    assert.equal(languageForFile('/a/b/solution.py'), 'python');
    assert.equal(languageForFile('/a/b/ref.TS'), 'typescript');
    assert.equal(languageForFile('/a/b/types.d.ts'), undefined);
    assert.equal(languageForFile('/a/b/notes.md'), undefined);
    assert.equal(languageForFile('/a/b/Makefile'), undefined);
  });

  it('a definition is found with the language\'s own pattern only when the language is given', () => {
    const source = '// def solve\nfunction solve() {}\n';
    assert.equal(definitionLineOf(source, 'solve', 'javascript'), 2);
    assert.equal(definitionLineOf('x = 1\ndef solve(a):\n  pass\n', 'solve', 'python'), 2);
    assert.equal(definitionLineOf('function solve() {}\n', 'solve', 'python'), 1, 'not Python: not found, line 1');
    assert.equal(definitionLineOf('\n\nfunction solve() {}\n', 'solve', 'python'), 1);
    assert.equal(definitionLineOf('\n\nfunction solve() {}\n', 'solve'), 3, 'without a language any pattern counts');
    assert.equal(definitionLineOf('\nclass A$B:\n', 'A$B', 'python'), 2, 'the name is matched literally');
  });

  it('stack traces are read by the language\'s parser, innermost frame first', () => {
    const py = 'Traceback (most recent call last):\n  File "/w/solution.py", line 3, in outer\n    inner()\n  File "/w/solution.py", line 7, in inner\nValueError: x';
    assert.deepEqual(stackFramesOf(py, 'python'), [
      { label: 'inner', file: '/w/solution.py', line: 7 },
      { label: 'outer', file: '/w/solution.py', line: 3 },
    ]);
    assert.deepEqual(stackFramesOf(py, 'javascript'), [], 'a traceback is not a Node stack');
    const js = 'Error: x\n    at inner (/w/solution.js:7:9)\n    at node:internal/x:1:2';
    assert.deepEqual(stackFramesOf(js, 'javascript'), [
      { label: 'inner', file: '/w/solution.js', line: 7, column: 9 },
      { label: '<anonymous>', line: 1, column: 2 },
    ]);
    assert.deepEqual(stackFramesOf(js), stackFramesOf(js, 'typescript'));
  });
});

describe('languages: finding a toolchain', function () {
  this.timeout(20_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-toolchain-test-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** A compiler stand-in that prints its version, and counts how often it was asked. */
  function fakeCompiler(name: string, version: string): { file: string; asked: () => number } {
    const file = path.join(dir, name);
    const counter = path.join(dir, `${name}.asked`);
    fs.writeFileSync(file, `#!/bin/sh\necho x >> '${counter}'\necho '${version}'\n`, { mode: 0o755 });
    return { file, asked: () => (fs.existsSync(counter) ? fs.readFileSync(counter, 'utf8').split('\n').length - 1 : 0) };
  }

  const spec: ToolchainSpec = {
    id: 'fakec',
    name: 'The Fake Compiler',
    candidates: ['fakec', 'fakec-12'],
    debianPackage: 'fakec-pkg',
    probe: { args: ['--version'], read: (stdout) => ({ version: stdout.trim().split('\n')[0] }) },
  };

  it('a missing toolchain names what was looked for, the package to install and the setting', async () => {
    const resolver = createInterpreterResolver({ toolchains: [spec], pathEnv: path.join(dir, 'nothing-here') });
    const found = await resolver.resolve('fakec');
    assert.equal(found.ok, false);
    const message = found.ok ? '' : found.message;
    assert.equal(message, toolchainMissingMessage(spec));
    assert.match(message, /The Fake Compiler was not found on the PATH \(looked for fakec and fakec-12\)/);
    assert.match(message, /apt-get install fakec-pkg/);
    assert.match(message, /"drills\.toolchains": \{ "fakec": "<path>" \}/);
  });

  it('found once, its version remembered on disk until the binary changes', async () => {
    const compiler = fakeCompiler('fakec-12', 'fakec 12.2.0');
    const cacheFile = path.join(dir, 'cache.json');
    const options = { toolchains: [spec], pathEnv: dir, cacheFile };
    const first = createInterpreterResolver(options);
    assert.deepEqual(await first.resolve('fakec'), { ok: true, interpreter: { command: compiler.file, version: 'fakec 12.2.0' } });
    await first.resolve('fakec');
    assert.equal(compiler.asked(), 1, 'remembered in memory');
    assert.deepEqual(await createInterpreterResolver(options).resolve('fakec'), { ok: true, interpreter: { command: compiler.file, version: 'fakec 12.2.0' } });
    assert.equal(compiler.asked(), 1, 'remembered on disk');
    // An upgrade in place: same path, another binary.
    fs.writeFileSync(compiler.file, fs.readFileSync(compiler.file, 'utf8').replace('12.2.0', '13.1.0'));
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(compiler.file, later, later);
    assert.deepEqual(await createInterpreterResolver(options).resolve('fakec'), { ok: true, interpreter: { command: compiler.file, version: 'fakec 13.1.0' } });
    assert.equal(compiler.asked(), 2);
  });

  it('a configured path wins, and one that is not executable is reported with the setting', async () => {
    const other = fakeCompiler('my-fakec', 'fakec 9');
    const resolved = await createInterpreterResolver({ toolchains: [spec], pathEnv: dir, paths: { fakec: other.file } }).resolve('fakec');
    assert.deepEqual(resolved, { ok: true, interpreter: { command: other.file, version: 'fakec 9' } });
    const bad = await createInterpreterResolver({ toolchains: [spec], paths: { fakec: path.join(dir, 'absent') } }).resolve('fakec');
    assert.match(bad.ok ? '' : bad.message, /The configured The Fake Compiler \(.*absent\) is not an executable file.*"drills\.toolchains": \{ "fakec"/);
  });

  it('a probe that refuses the binary gives its reason and what to install', async () => {
    const wrong = fakeCompiler('fakec', 'not it');
    const picky: ToolchainSpec = { ...spec, probe: { args: ['--version'], read: (out) => (out.startsWith('fakec') ? { version: out } : { message: `${wrong.file} is not the fake compiler.` }) } };
    const found = await createInterpreterResolver({ toolchains: [picky], pathEnv: dir }).resolve('fakec');
    assert.match(found.ok ? '' : found.message, /is not the fake compiler\. Install The Fake Compiler \(Debian\/Ubuntu: sudo apt-get install fakec-pkg\)/);
  });
});
