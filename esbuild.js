// Bundles the extension, the `drills` CLI, the Node test harness and the test suites.
// esbuild only transpiles; `npm run typecheck` (tsc --noEmit) checks types.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Logs build results in a shape the `$esbuild-watch` problem matcher understands. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => {
      if (watch) console.log('[watch] build started');
    });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (watch) console.log('[watch] build finished');
    });
  },
};

/**
 * Copies the harness files that ship as they are (every file under src/harness/ but the TypeScript that is bundled:
 * the Python harness, the sources a compiled language builds with, in sub-folders kept as they are) to out/harness/,
 * where each language module's `harnessFiles` name them. Adding a language's harness needs no change here.
 */
const copyAssetsPlugin = {
  name: 'copy-assets',
  setup(build) {
    build.onEnd(() => {
      const from = path.join(__dirname, 'src', 'harness');
      const to = path.join(__dirname, 'out', 'harness');
      fs.mkdirSync(to, { recursive: true });
      for (const entry of fs.existsSync(from) ? fs.readdirSync(from, { recursive: true, withFileTypes: true }) : []) {
        if (!entry.isFile() || entry.name.endsWith('.ts')) continue;
        const relative = path.relative(from, path.join(entry.parentPath ?? entry.path, entry.name));
        if (relative.split(path.sep).includes('__pycache__')) continue;
        fs.mkdirSync(path.dirname(path.join(to, relative)), { recursive: true });
        fs.copyFileSync(path.join(from, relative), path.join(to, relative));
      }
    });
  },
};

/**
 * The pack schemas compiled ahead of time (scripts/gen-validators.mjs) rather than by ajv at every start.
 * Loading the generated module through this hook makes watch mode regenerate it when a schema changes.
 */
const validatorsPlugin = {
  name: 'generated-validators',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]core[\\/]pack[\\/]generated[\\/]validators\.js$/ }, async (args) => {
      const { generateValidators, validatorInputs } = await import('./scripts/gen-validators.mjs');
      generateValidators();
      return { contents: fs.readFileSync(args.path, 'utf8'), loader: 'js', watchFiles: validatorInputs() };
    });
  },
};

/**
 * Sucrase (TypeScript and ES-module transpiling) is two thirds of the bundles' code but only JavaScript with
 * `import`/`export` and TypeScript solutions need it: it goes to its own file, out/sucrase.js, which the
 * runner's on-demand `import('sucrase')` loads. Every start of the CLI would otherwise read and parse ~660 KB
 * it does not run. The unit tests take it from node_modules as before.
 */
const sucraseChunkPlugin = {
  name: 'sucrase-chunk',
  setup(build) {
    build.onResolve({ filter: /^sucrase$/ }, (args) => {
      if (args.kind !== 'dynamic-import') {
        return { errors: [{ text: 'sucrase must be loaded with `await import(\'sucrase\')`: a static import would load it on every start.' }] };
      }
      return { path: './sucrase.js', external: true };
    });
  },
};

/** Lists `*.test.ts` files under a folder, recursively. */
function testFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
}

const shared = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'silent',
  plugins: [problemMatcherPlugin, validatorsPlugin],
  // jsonc-parser's main file is a UMD factory whose `require`s esbuild cannot follow: its ES module build is
  // bundled instead (a relative path, so the unit tests' `packages: 'external'` bundles it too).
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
};

/** Options of a bundle that loads out/sucrase.js: a plain `require` when needed, not Node's ESM loader. */
const withSucraseChunk = { plugins: [...shared.plugins, sucraseChunkPlugin], supported: { 'dynamic-import': false } };

const builds = [
  // The extension: everything bundled but the editor API.
  { ...shared, entryPoints: { extension: 'src/vscode/extension.ts' }, outdir: 'out', external: ['vscode'], ...withSucraseChunk },
  // The command line, a separate bundle over the same core.
  {
    ...shared,
    entryPoints: { cli: 'src/cli/index.ts' },
    outdir: 'out',
    define: { DRILLS_VERSION: JSON.stringify(require('./package.json').version) },
    ...withSucraseChunk,
  },
  // The transpiler both of the above load on demand (see sucraseChunkPlugin).
  { ...shared, entryPoints: { sucrase: require.resolve('sucrase') }, outdir: 'out' },
  // The Node harness runs inside the solution's process: small, no dependencies.
  {
    ...shared,
    entryPoints: fs.existsSync('src/harness/node-harness.ts') ? { 'node-harness': 'src/harness/node-harness.ts' } : {},
    outdir: 'out/harness',
    plugins: [problemMatcherPlugin, copyAssetsPlugin],
  },
  // The dashboard webview: a browser bundle, its script and one stylesheet (uPlot's and ours), loaded under a strict CSP.
  {
    ...shared,
    entryPoints: { dashboard: 'src/webview/dashboard.ts' },
    outdir: 'out/webview',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    plugins: [problemMatcherPlugin],
  },
];

if (!production) {
  // Unit tests: one file per test, dependencies from node_modules.
  builds.push({
    ...shared,
    entryPoints: testFiles('test/unit'),
    outbase: 'test',
    outdir: 'out/test',
    packages: 'external',
  });
  // Integration suite: runs inside the extension host.
  builds.push({
    ...shared,
    // The main suite, the Restricted Mode suite (run in an untrusted workspace) and the reload hand-off.
    entryPoints: [...testFiles('test/integration'), ...testFiles('test/restricted'), ...testFiles('test/reload')],
    outbase: 'test',
    outdir: 'out/test',
    external: ['vscode', 'mocha'],
  });
}

async function main() {
  // The language lists of the schemas and package.json, from the language registry; then the validators from the schemas.
  const written = (await import('./scripts/gen-languages.mjs')).generateLanguageLists();
  if (written.length > 0) console.log(`language lists regenerated from the registry: ${written.join(', ')}`);
  // Before any bundle resolves `./generated/validators`: on a fresh clone it does not exist yet.
  (await import('./scripts/gen-validators.mjs')).generateValidators();
  const contexts = await Promise.all(builds.filter((b) => Object.keys(b.entryPoints).length > 0 || b.entryPoints.length > 0).map((b) => esbuild.context(b)));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  const results = await Promise.allSettled(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  const failed = results.filter((r) => r.status === 'rejected');
  if (failed.length > 0) {
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
