import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** scripts/lib/npm-deps.mjs, from out/test/unit/testing/. */
const NPM_DEPS = pathToFileURL(path.resolve(__dirname, '..', '..', '..', '..', 'scripts', 'lib', 'npm-deps.mjs')).href;

/**
 * A stand-in for npm: `ci` makes node_modules as npm ci would (its .package-lock.json, a package, a relative link in
 * .bin) and counts its calls in `<project>/ci-calls`.
 */
const FAKE_NPM = `#!/bin/sh
[ "$1" = ci ] || exit 2
echo call >> ci-calls
rm -rf node_modules
mkdir -p node_modules/pkg node_modules/.bin
cp package-lock.json node_modules/.package-lock.json
echo "module.exports = 1;" > node_modules/pkg/index.js
ln -s ../pkg/index.js node_modules/.bin/pkg
`;

describe('the npm dependencies of npm test and npm start (scripts/lib/npm-deps.mjs)', function () {
  this.timeout(60_000);
  let dir: string;
  let npm: string;
  let cache: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-npm-deps-'));
    npm = path.join(dir, 'npm');
    fs.writeFileSync(npm, FAKE_NPM, { mode: 0o755 });
    cache = path.join(dir, 'cache');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** A clone: package.json and package-lock.json with `lock` in it. */
  function clone(name: string, lock = 'v1'): string {
    const root = path.join(dir, name);
    fs.mkdirSync(root);
    fs.writeFileSync(path.join(root, 'package.json'), '{"name":"p"}\n');
    fs.writeFileSync(path.join(root, 'package-lock.json'), `{"lock":"${lock}"}\n`);
    return root;
  }

  /** Runs ensureNodeModules on `root` with the stand-in npm; returns how it went. */
  function ensure(root: string, cacheDir: string | null = cache): string {
    const program = `
      import { ensureNodeModules } from ${JSON.stringify(NPM_DEPS)};
      console.log(ensureNodeModules({ root: ${JSON.stringify(root)}, cacheDir: ${JSON.stringify(cacheDir)}, npm: ${JSON.stringify(npm)}, log: () => {} }));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', program], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout.trim();
  }
  const ciCalls = (root: string) => (fs.existsSync(path.join(root, 'ci-calls')) ? fs.readFileSync(path.join(root, 'ci-calls'), 'utf8').split('\n').filter(Boolean).length : 0);

  it('runs npm ci once per package-lock.json: a second clone gets a copy of its own, and an installed one is left alone', () => {
    const first = clone('first');
    assert.equal(ensure(first), 'installed');
    assert.equal(ensure(first), 'up-to-date');
    assert.equal(ciCalls(first), 1);

    const second = clone('second');
    assert.equal(ensure(second), 'copied');
    assert.equal(ciCalls(second), 0);
    assert.equal(fs.readFileSync(path.join(second, 'node_modules', 'pkg', 'index.js'), 'utf8'), 'module.exports = 1;\n');
    assert.equal(fs.readlinkSync(path.join(second, 'node_modules', '.bin', 'pkg')), '../pkg/index.js');
    // Newer than the clone's package-lock.json: the next run finds it up to date.
    assert.equal(ensure(second), 'up-to-date');
    // A copy, not links: a change in the clone does not reach the kept node_modules.
    fs.writeFileSync(path.join(second, 'node_modules', 'pkg', 'index.js'), 'changed');
    assert.equal(ensure(clone('third')), 'copied');
    assert.equal(fs.readFileSync(path.join(dir, 'third', 'node_modules', 'pkg', 'index.js'), 'utf8'), 'module.exports = 1;\n');
  });

  it('runs npm ci again for another package-lock.json, or when told to keep nothing', () => {
    ensure(clone('first'));
    const other = clone('other', 'v2');
    assert.equal(ensure(other), 'installed');
    assert.equal(ciCalls(other), 1);
    const uncached = clone('uncached');
    assert.equal(ensure(uncached, null), 'installed');
    assert.equal(ciCalls(uncached), 1);
  });

  it('never takes a kept node_modules that was not copied whole, and keeps the two used last', () => {
    ensure(clone('first'));
    const [key] = fs.readdirSync(cache);
    // A copy cut short: everything but the mark written last.
    fs.rmSync(path.join(cache, key, 'complete.json'));
    const second = clone('second');
    assert.equal(ensure(second), 'installed');
    assert.equal(ciCalls(second), 1);

    for (const lock of ['v2', 'v3', 'v4']) ensure(clone(`lock-${lock}`, lock));
    assert.equal(fs.readdirSync(cache).length, 2, fs.readdirSync(cache).join(', '));
    assert.equal(ensure(clone('again', 'v4')), 'copied');
  });
});
