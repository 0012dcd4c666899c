import { parseArgs } from 'node:util';
import { createStyle } from './style';
import { ExitCode, type Io } from './io';
import { LANGUAGE_IDS } from '../core/languages/registry';

const USAGE = `Usage: drills <command> [options]

Commands:
  list [DIR]                                  List the packs and problems under DIR (default: .) and
                                              what the loader finds wrong in every file of them
  check [DIR] [--all] [--jobs N]              Validate every pack under DIR: schema, reference
                                              solutions pass, known-wrong solutions fail
  run --problem ID [--pack DIR] --lang L FILE Run FILE against the problem's hidden tests
                                              (L: ${LANGUAGE_IDS.join(', ')}); with
                                              --complexity, then measure its growth on
                                              generated inputs against PLAN.md's stated one;
                                              with --watch, again on every save of FILE
  digest [DIR]                                Compute the expected results of generated cases
                                              from the reference solutions; write their digests
  design FILE --problem ID [--pack DIR]       Check a DESIGN.md against the design gate (sections,
                                              numbers with units, failure modes, decision log)
  story FILE|DIR... [--pack DIR]              Check story files: fields, spoken length, ownership,
                                              a measurable result, slogans
  show --problem ID [--pack DIR]              What a problem declares (signature, limits, phases,
                                              hints, follow-ups, case counts), without its cases
  new pack DIR                                Write a new pack with one example problem of each kind
  new problem ID [--pack DIR]                 Add a problem to a pack, every file stubbed

Options:
  --json       Print machine-readable JSON (see docs/cli.md)
  --all        check: run every case of a known-wrong solution (default: stop at the first it fails)
  --jobs N     check: run N solutions at once (default: the number of cores)
  --complexity run: after a passing run, measure the complexity; check: prove each reference is
               measured at or below its stated complexity and each too-slow wrong one above it
  --watch, -w  run: run again on every save of FILE, with the interpreter started ahead (Ctrl-C to stop)
  --help, -h   Show this help
  --version    Show the version

Exit codes: 0 all passed, 1 some case did not pass (or check found a problem), 2 usage error, unreadable pack,
or hidden tests with errors (run).`;

/**
 * Parses the command line and dispatches; returns the process exit code. Each command is loaded when it runs:
 * `run` starts the interpreter before the pack loader (the YAML parser, the schema validators) is even loaded.
 */
export async function main(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', default: false },
        problem: { type: 'string', short: 'p' },
        pack: { type: 'string' },
        lang: { type: 'string', short: 'l' },
        all: { type: 'boolean', default: false },
        jobs: { type: 'string', short: 'j' },
        complexity: { type: 'boolean', default: false },
        watch: { type: 'boolean', short: 'w', default: false },
      },
    });
  } catch (e) {
    io.err(`drills: ${(e as Error).message}\n\n${USAGE}`);
    return ExitCode.Usage;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.out(io.version);
    return ExitCode.Ok;
  }
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    (command || values.help ? io.out : io.err)(USAGE);
    return values.help ? ExitCode.Ok : ExitCode.Usage;
  }
  const style = createStyle({ isTTY: io.isTTY }, io.env);
  const opts = { json: values.json ?? false, style, io };
  switch (command) {
    case 'list':
      if (rest.length > 1) return usage(io, 'list takes at most one folder');
      return (await import('./list')).listCommand(io.resolve(rest[0] ?? '.'), opts);
    case 'check': {
      if (rest.length > 1) return usage(io, 'check takes at most one folder');
      const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
      if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) return usage(io, `--jobs must be a whole number at least 1, not '${values.jobs}'`);
      return (await import('./check')).checkCommand(io.resolve(rest[0] ?? '.'), opts, { all: values.all, complexity: values.complexity, ...(jobs ? { jobs } : {}) });
    }
    case 'digest':
      if (rest.length > 1) return usage(io, 'digest takes at most one folder');
      return (await import('./digest')).digestCommand(io.resolve(rest[0] ?? '.'), opts);
    case 'show':
      if (!values.problem) return usage(io, 'show needs --problem ID');
      if (rest.length > 0) return usage(io, 'show takes no positional arguments (use --pack DIR)');
      return (await import('./show')).showCommand({ problemId: values.problem, packDir: io.resolve(values.pack ?? '.') }, opts);
    case 'new': {
      const [what, name, ...extra] = rest;
      if (extra.length > 0 || !name || (what !== 'pack' && what !== 'problem')) return usage(io, 'new needs `pack DIR` or `problem ID`');
      const { newPackCommand, newProblemCommand } = await import('./new');
      return what === 'pack' ? newPackCommand(io.resolve(name), opts) : newProblemCommand({ problemId: name, packDir: io.resolve(values.pack ?? '.') }, opts);
    }
    case 'run': {
      if (!values.problem) return usage(io, 'run needs --problem ID');
      if (!values.lang) return usage(io, `run needs --lang ${LANGUAGE_IDS.join('|')}`);
      if (rest.length !== 1) return usage(io, 'run needs exactly one solution FILE');
      return (await import('./run')).runCommand(
        { problemId: values.problem, packDir: io.resolve(values.pack ?? '.'), lang: values.lang, file: io.resolve(rest[0]), complexity: values.complexity, watch: values.watch },
        opts,
      );
    }
    case 'design':
      if (!values.problem) return usage(io, 'design needs --problem ID');
      if (rest.length !== 1) return usage(io, 'design needs exactly one DESIGN.md FILE');
      return (await import('./design')).designCommand({ file: io.resolve(rest[0]), problemId: values.problem, packDir: values.pack && io.resolve(values.pack), cwd: io.resolve('.') }, opts);
    case 'story':
      if (rest.length === 0) return usage(io, 'story needs at least one story FILE or folder');
      return (await import('./story')).storyCommand({ paths: rest.map((p) => io.resolve(p)), packDir: values.pack && io.resolve(values.pack) }, opts);
    default:
      return usage(io, `unknown command '${command}'`);
  }
}

function usage(io: Io, message: string): number {
  io.err(`drills: ${message}\n\n${USAGE}`);
  return ExitCode.Usage;
}
