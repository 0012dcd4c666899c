// The `drills` CLI against what it costs to start its processes, and against the test runners a candidate
// would use instead (pytest, mocha) on the same 100 cases.
// Usage: node esbuild.js && node bench/cli.bench.mjs [N]
// Prints medians of N runs and ratios; every baseline is measured in the same run, in interleaved rounds.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'out', 'cli.js');
if (!fs.existsSync(cli)) {
  console.error('out/cli.js is missing: run `node esbuild.js` first.');
  process.exit(1);
}
const N = Number(process.argv[2] ?? 9);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-cli-bench-'));
const cacheHome = path.join(tmp, 'cache');

// A pack with one problem of 100 small cases.
const pack = path.join(tmp, 'pack');
const prob = path.join(pack, 'find-index');
fs.mkdirSync(path.join(prob, 'starter'), { recursive: true });
fs.writeFileSync(path.join(pack, 'drills-pack.yaml'), 'drills: 1\nid: bench\nname: Bench\ndescription: bench\n');
fs.writeFileSync(path.join(prob, 'problem.yaml'), [
  'id: find-index', 'title: Find Index', 'difficulty: easy', 'topics: [arrays]', 'minutes: 5',
  'function:', '  name: find', '  params:', '    - {name: xs, type: "int[]"}', '    - {name: x, type: int}', '  returns: int', '',
].join('\n'));
fs.writeFileSync(path.join(prob, 'statement.md'), '# Find\n');
const cases = Array.from({ length: 100 }, (_, i) => ({ xs: [i, i + 1, i + 2], x: i + 1, expected: 1 }));
fs.writeFileSync(path.join(prob, 'tests.yaml'), 'cases:\n' + cases.map((c, i) => `  - {name: c${i}, tags: [single], args: [${JSON.stringify(c.xs)}, ${c.x}], expected: ${c.expected}}`).join('\n') + '\n');
const py = path.join(tmp, 'solution.py');
const js = path.join(tmp, 'solution.js');
fs.writeFileSync(py, 'def find(xs, x):\n    return xs.index(x)\n');
fs.writeFileSync(js, 'function find(xs, x) {\n  return xs.indexOf(x);\n}\nmodule.exports = { find };\n');

// The same cases as a parametrised pytest file and a mocha file.
fs.writeFileSync(path.join(tmp, 'test_find.py'), [
  'import json, pytest', 'from solution import find', `CASES = json.loads(${JSON.stringify(JSON.stringify(cases))})`,
  '@pytest.mark.parametrize("case", CASES)', 'def test_find(case):', '    assert find(case["xs"], case["x"]) == case["expected"]', '',
].join('\n'));
fs.writeFileSync(path.join(tmp, 'find.test.js'), [
  "const assert = require('node:assert');", "const { find } = require('./solution.js');", `const CASES = ${JSON.stringify(cases)};`,
  "describe('find', () => { for (const [i, c] of CASES.entries()) it('c' + i, () => assert.strictEqual(find(c.xs, c.x), c.expected)); });", '',
].join('\n'));

/** The real python binary (not a version-manager shim), as the runner resolves it. */
function realPython(candidate) {
  const r = spawnSync(candidate, ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function timeRun(command, args, env = {}) {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(command, args, { stdio: 'ignore', cwd: tmp, env: { ...process.env, ...env } });
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - t, code }));
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const mochaBin = path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
const pyBin = realPython('python3');
const env = { XDG_CACHE_HOME: cacheHome, NO_COLOR: '1' };
// pytest may live with another python (Debian's python3-pytest); drills is compared on that same interpreter.
const withPytest = pyBin && [pyBin, '/usr/bin/python3'].find((p) => spawnSync(p, ['-m', 'pytest', '--version'], { stdio: 'ignore' }).status === 0);
const run = (lang, file, extraEnv = {}) => [process.execPath, [cli, 'run', '--problem', 'find-index', '--pack', pack, '--lang', lang, file], { ...env, ...extraEnv }];

/** What is measured: label → [command, args, env]. */
const commands = {
  node: [process.execPath, ['-e', '0']],
  drillsJs: run('javascript', js),
  // A first run after tests.yaml changed: the YAML is parsed, not read back from the cache.
  drillsJsUncached: run('javascript', js, { DRILLS_NO_CACHE: '1' }),
  mocha: [process.execPath, [mochaBin, '--no-config', 'find.test.js', '--reporter', 'dot']],
  ...(pyBin ? { python: [pyBin, ['-c', 'pass']], drillsPy: run('python', py) } : {}),
  ...(withPytest ? { pytest: [withPytest, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', 'test_find.py']], drillsPytestPy: run('python', py, { DRILLS_PYTHON: withPytest }) } : {}),
};

const load = () => os.loadavg()[0].toFixed(2);
console.log(`cli bench: median of ${N}, ${os.cpus().length} cores, load ${load()}`);

// Warm the interpreter cache and the YAML cache once, as any second run of the CLI finds them.
await timeRun(...run('python', py));

// Interleaved rounds: a change in machine load (the machine may be shared) affects every command alike.
const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
for (let i = 0; i < N; i++) {
  for (const [label, [command, args, extraEnv]] of Object.entries(commands)) {
    const { ms, code } = await timeRun(command, args, extraEnv);
    if (code !== 0) throw new Error(`${label} exited ${code}`);
    times[label].push(ms);
  }
}
const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));

console.log(`javascript: node start ${m.node.toFixed(0)} ms; drills run of 100 cases ${m.drillsJs.toFixed(0)} ms = ${(m.drillsJs / (2 * m.node)).toFixed(2)}x of starting node twice (CLI + interpreter); mocha on the same cases ${m.mocha.toFixed(0)} ms: drills is ${(m.mocha / m.drillsJs).toFixed(2)}x faster`);
console.log(`javascript without the YAML cache (a first run after tests.yaml changed): ${m.drillsJsUncached.toFixed(0)} ms = ${(m.drillsJsUncached / (2 * m.node)).toFixed(2)}x of starting node twice; drills is ${(m.mocha / m.drillsJsUncached).toFixed(2)}x faster than mocha`);
if (!pyBin) {
  console.log('python: skipped (no python3 on the PATH)');
} else {
  console.log(`python: interpreter start ${m.python.toFixed(0)} ms; drills run of 100 cases ${m.drillsPy.toFixed(0)} ms = ${(m.drillsPy / (m.node + m.python)).toFixed(2)}x of starting node and python`);
  if (!withPytest) {
    console.log('python vs pytest: skipped (pytest is not installed: apt-get install python3-pytest)');
  } else {
    console.log(`python vs pytest (${withPytest}): pytest ${m.pytest.toFixed(0)} ms, drills ${m.drillsPytestPy.toFixed(0)} ms: drills is ${(m.pytest / m.drillsPytestPy).toFixed(2)}x faster`);
  }
}
console.log(`load at the end ${load()}`);
fs.rmSync(tmp, { recursive: true, force: true });
