import { buildGo, cachedGo, goCrash, goOutOfMemory, goStackFrames } from './goBuild';
import { stackFrame } from './node';
import type { LanguageModule } from './types';

/** `go version` prints `go version go1.19.8 linux/amd64`. */
const GO_VERSION = /^go version (go\S+.*)$/m;

/**
 * Go, LeetCode's shape: a package-level func (or a struct with `Constructor` and exported methods) in package main.
 * Built with the harness (src/harness/go_harness.go) by `go build`, cached by buildCache.ts; one process runs every
 * case. See docs/languages.md.
 */
export const go: LanguageModule<'go'> = {
  id: 'go',
  label: 'Go',
  extension: '.go',
  solutionFile: 'solution.go',
  aliases: ['golang'],
  editorLanguageId: 'go',
  toolchain: {
    id: 'go',
    name: 'Go',
    candidates: ['go'],
    debianPackage: 'golang-go',
    probe: {
      args: ['version'],
      read(stdout, executable) {
        const m = GO_VERSION.exec(stdout);
        return m ? { version: m[1].trim() } : { message: `${executable} did not say which Go it is (asked with \`go version\`).` };
      },
    },
  },
  harnessFiles: ['go_harness.go'],
  build: buildGo,
  cached: cachedGo,
  // The runtime reads GOMEMLIMIT at start; the harness sets the same limit again from the job, and caps its address
  // space (RLIMIT_AS) and one goroutine's stack (half the limit).
  run: ({ artifact, limits }) => ({ command: artifact ?? '', args: [], env: { GOMEMLIMIT: `${Math.max(1, Math.round(limits.memoryMb))}MiB` } }),
  outOfMemory: goOutOfMemory,
  crashError: goCrash,
  // The binary's own runtime takes a few MB; the heap it may reserve beyond RLIMIT_AS's reach (its first arena is
  // mapped at start) is held by this resident-memory margin instead.
  runtimeMb: 24,
  keepEnv: /^$/,
  fixedEnv: {},
  stackFrames: (stack) => goStackFrames(stack).map((f) => stackFrame(f.name, f.file, f.line)),
  // `func name(`, `func (this *T) Name(` (methods are exported: either case of the first letter), `type Name struct`.
  definitionPattern: (name) => {
    const first = name.charAt(0);
    const either = `[${first.toLowerCase()}${first.toUpperCase()}]${name.slice(1)}`;
    return new RegExp(`^\\s*(?:func\\s+(?:\\([^)]*\\)\\s*)?${either}\\s*\\(|type\\s+${name}\\b)`);
  },
};
