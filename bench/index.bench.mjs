// Times pack indexing (`loadPacks`) on a generated pack of 2,000 problems, against reading the same
// manifest and problem.yaml files with fs.readFileSync alone, measured in the same run.
// Usage: node bench/index.bench.mjs [problems=2000] [repetitions=5]
import * as esbuild from 'esbuild';
import { generateValidators } from '../scripts/gen-validators.mjs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const problems = Number(process.argv[2] ?? 2000);
const repetitions = Number(process.argv[3] ?? 5);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-bench-'));

try {
  // A tiny bundle of the pack core, so the bench needs no full build (only the generated validators).
  generateValidators();
  const bundle = path.join(work, 'pack-core.cjs');
  await esbuild.build({
    entryPoints: [path.join(root, 'src/core/pack/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: bundle,
    logLevel: 'silent',
  });
  const { loadPacks, createFileYamlCache } = createRequire(import.meta.url)(bundle);
  const yamlCache = createFileYamlCache(path.join(work, 'yaml-cache'));

  const packDir = path.join(work, 'pack');
  const files = generatePack(packDir, problems);

  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const baseline = [];
  const indexing = [];
  const cachedIndexing = [];
  let indexed = 0;
  // Alternate the two so a busy machine slows both alike; the first round warms the caches.
  for (let i = 0; i <= repetitions; i++) {
    let start = performance.now();
    let bytes = 0;
    for (const file of files) bytes += fs.readFileSync(file, 'utf8').length;
    const read = performance.now() - start;
    start = performance.now();
    const packs = await loadPacks([packDir]);
    const load = performance.now() - start;
    indexed = packs[0].problems.length;
    // With the cache the CLI uses (warm after the first round).
    start = performance.now();
    const fromCache = await loadPacks([packDir], { yamlCache });
    const cachedLoad = performance.now() - start;
    if (fromCache[0].problems.length !== indexed) throw new Error('the cached index differs');
    if (packs[0].diagnostics.length > 0) throw new Error(`generated pack has diagnostics: ${packs[0].diagnostics[0].message}`);
    if (i > 0) {
      baseline.push(read);
      indexing.push(load);
      cachedIndexing.push(cachedLoad);
    }
    if (bytes === 0) throw new Error('nothing read');
  }
  const readMs = median(baseline);
  const loadMs = median(indexing);
  console.log(`pack of ${problems} problems, ${indexed} indexed; median of ${repetitions} runs after one warm-up`);
  console.log(`readFileSync of the ${files.length} files:  ${readMs.toFixed(1)} ms`);
  console.log(`loadPacks (parse, schema, starters):   ${loadMs.toFixed(1)} ms`);
  console.log(`ratio loadPacks / readFileSync:        ${(loadMs / readMs).toFixed(1)}x`);
  const cachedMs = median(cachedIndexing);
  console.log(`loadPacks with a warm YAML cache:      ${cachedMs.toFixed(1)} ms = ${(cachedMs / readMs).toFixed(1)}x of readFileSync`);
  listThroughCli(packDir);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

/**
 * `drills list` on the pack as a fresh process, as a user runs it: without the YAML cache and with it warm.
 * Needs out/cli.js (`npm run bench` builds it).
 */
function listThroughCli(packDir) {
  const cli = path.join(root, 'out', 'cli.js');
  if (!fs.existsSync(cli)) {
    console.log('drills list: skipped (out/cli.js is missing: run `node esbuild.js`)');
    return;
  }
  const env = { ...process.env, XDG_CACHE_HOME: path.join(work, 'xdg') };
  const time = (extra) => {
    const start = performance.now();
    const r = spawnSync(process.execPath, [cli, 'list', packDir, '--json'], { env: { ...env, ...extra }, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error(`drills list exited ${r.status}`);
    return performance.now() - start;
  };
  time({}); // fills the cache
  const cold = [];
  const warm = [];
  for (let i = 0; i < repetitions; i++) {
    cold.push(time({ DRILLS_NO_CACHE: '1' }));
    warm.push(time({}));
  }
  const coldMs = [...cold].sort((a, b) => a - b)[Math.floor(cold.length / 2)];
  const warmMs = [...warm].sort((a, b) => a - b)[Math.floor(warm.length / 2)];
  console.log(`drills list (a new process): ${coldMs.toFixed(0)} ms without the YAML cache, ${warmMs.toFixed(0)} ms with it (${(coldMs / warmMs).toFixed(1)}x faster)`);
}

/** Writes a pack of `count` problems in topic folders; returns the files indexing has to read. */
function generatePack(dir, count) {
  const write = (file, text) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };
  const manifest = path.join(dir, 'drills-pack.yaml');
  write(manifest, 'drills: 1\nid: bench\nname: Bench\ndescription: Generated.\ndefaults:\n  minutes: 30\n  languages: [python, javascript]\n');
  const read = [manifest];
  const topics = ['arrays', 'graphs', 'strings', 'trees', 'design'];
  for (let i = 0; i < count; i++) {
    const topic = topics[i % topics.length];
    const problemDir = path.join(dir, topic, `p${i}`);
    const problemFile = path.join(problemDir, 'problem.yaml');
    write(
      problemFile,
      `id: p${i}\ntitle: Problem ${i}\ndifficulty: ${['easy', 'medium', 'hard'][i % 3]}\ntopics: [${topic}]\nminutes: 25\n` +
        `phases: { clarify: 5, plan: 5, code: 10, test: 5 }\n` +
        `function:\n  name: solve\n  names: { python: solve_it }\n  params:\n    - { name: nums, type: "int[]" }\n    - { name: k, type: int }\n  returns: "map<string,int[]>"\n` +
        `compare: unordered\nlimits: { timeMs: 1000, memoryMb: 128 }\nhints:\n  - Sort first.\n  - Use a heap.\n  - "Brute force: try everything."\n`,
    );
    read.push(problemFile);
    write(path.join(problemDir, 'statement.md'), `# Problem ${i}\n`);
    write(path.join(problemDir, 'starter/solution.py'), 'def solve_it(nums, k): pass\n');
    write(path.join(problemDir, 'starter/solution.js'), 'module.exports = { solve() {} };\n');
    // Files indexing must not read: their size must not matter.
    write(path.join(problemDir, 'tests.yaml'), `cases:\n${'  - { name: c, args: [[1, 2, 3], 1], expected: {a: [1]} }\n'.repeat(50)}`);
    write(path.join(problemDir, 'solutions/ref.py'), 'def solve_it(nums, k): return {}\n');
  }
  return read;
}
