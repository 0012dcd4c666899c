import { loadPacks } from '../core/pack/index';

/** Entry point of the `drills` command line. */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'list') {
    const packs = await loadPacks([rest[0] ?? process.cwd()]);
    for (const pack of packs) {
      console.log(`${pack.name} (${pack.problems.length} problems)`);
      for (const p of pack.problems) console.log(`  ${p.id}  ${p.difficulty}  ${p.title}`);
    }
    return 0;
  }
  console.error('usage: drills list [DIR]');
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => { console.error(err); process.exitCode = 2; },
);
