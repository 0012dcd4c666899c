import { languagesWith } from './helpers';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Language } from '../../../src/core/pack/types';
import { ProtocolReader, parseHarnessMessage, protocolMarker, type HarnessMessage } from '../../../src/core/runner/protocol';
import { makeProblem, runCode, tc, tempDir } from './helpers';
import { strayProcesses } from './processes';

const NONCE = 'fixed-test-nonce';
const MARKER = protocolMarker(NONCE);
const DEEP = 100_000;

/** Lines a solution that knows the nonce writes straight to the harness's stdout, by mode. */
const FORGED: Record<string, string[]> = {
  done: ['{"t":"done"}'],
  'string-index': ['{"t":"start","index":"0"}'],
  'index-999': ['{"t":"start","index":999}', '{"t":"result","index":999,"ms":1,"output":"","truncated":false,"value":42}'],
  deep: [`{"t":"result","index":0,"ms":1,"output":"","truncated":false,"value":${'['.repeat(DEEP)}${']'.repeat(DEEP)}}`],
  'not-json': ['{"t":"result",'],
};

function forgingSolution(language: Language): string {
  const table = JSON.stringify(Object.fromEntries(Object.entries(FORGED).map(([mode, lines]) => [mode, lines.map((l) => `${MARKER}${l}\n`).join('')])));
  if (language === 'python') return `import os\nFORGED = ${table}\ndef solve(mode):\n    if mode in FORGED:\n        os.write(1, FORGED[mode].encode())\n    return 42\n`;
  if (language === 'go') {
    const entries = Object.entries(JSON.parse(table) as Record<string, string>).map(([k, v]) => `\t${JSON.stringify(k)}: ${JSON.stringify(v)},\n`).join('');
    return `import "syscall"\n\nvar forged = map[string]string{\n${entries}}\n\nfunc solve(mode string) int {\n\tif text, ok := forged[mode]; ok {\n\t\t_, _ = syscall.Write(1, []byte(text))\n\t}\n\treturn 42\n}\n`;
  }
  if (language === 'java') {
    // javac refuses a string constant over 64 KB: each line is joined at run time from smaller literals.
    const literal = (text: string): string => `String.join("", ${(text.match(/[^]{1,20000}/g) ?? ['']).map((part) => JSON.stringify(part)).join(', ')})`;
    const entries = Object.entries(JSON.parse(table) as Record<string, string>).map(([k, v]) => `        FORGED.put(${JSON.stringify(k)}, ${literal(v)});\n`).join('');
    return `import java.io.*;\nimport java.nio.charset.StandardCharsets;\nimport java.util.*;\n\nclass Solution {\n    static final Map<String, String> FORGED = new HashMap<>();\n    static {\n${entries}    }\n\n    public int solve(String mode) throws IOException {\n        String text = FORGED.get(mode);\n        if (text != null) {\n            FileOutputStream out = new FileOutputStream(FileDescriptor.out);\n            out.write(text.getBytes(StandardCharsets.UTF_8));\n            out.flush();\n        }\n        return 42;\n    }\n}\n`;
  }
  if (language === 'cpp') {
    // The C++ harness sends its messages on a copy of its stdout (fd 1 is the case's output file): the only pipe or
    // socket above stderr, which a solution finds among its descriptors.
    const entries = Object.entries(JSON.parse(table) as Record<string, string>).map(([k, v]) => `        {${JSON.stringify(k)}, ${JSON.stringify(v)}},\n`).join('');
    return `#include <sys/stat.h>\n#include <unistd.h>\nclass Solution {\npublic:\n    int solve(string mode) {\n        static const unordered_map<string, string> forged{\n${entries}        };\n        auto text = forged.find(mode);\n        if (text == forged.end()) return 42;\n        for (int fd = 3; fd < 64; fd++) {\n            struct stat st;\n            if (fstat(fd, &st) == 0 && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode))) (void)!write(fd, text->second.data(), text->second.size());\n        }\n        return 42;\n    }\n};\n`;
  }
  const sig = language === 'typescript' ? 'export function solve(mode: string): number' : 'function solve(mode)';
  const table2 = language === 'typescript' ? `const FORGED: Record<string, string> = ${table};` : `const FORGED = ${table};`;
  return `${table2}\n${sig} {\n  if (FORGED[mode]) require('fs').writeSync(1, FORGED[mode]);\n  return 42;\n}\n`;
}

const BIG = 48_000_000;
const BIG_RESULT: Partial<Record<Language, string>> = {
  python: 'def solve(n):\n    return "x" * n\n',
  javascript: "function solve(n) {\n  return 'x'.repeat(n);\n}\n",
  typescript: "export function solve(n: number): string {\n  return 'x'.repeat(n);\n}\n",
  go: 'import "strings"\n\nfunc solve(n int) string {\n\treturn strings.Repeat("x", n)\n}\n',
  java: 'class Solution {\n    public String solve(int n) {\n        return "x".repeat(n);\n    }\n}\n',
  cpp: 'class Solution {\npublic:\n    string solve(int n) { return string(n, \'x\'); }\n};\n',
};

describe('runner: protocol reader, in linear time', () => {
  it('reads a 48 M-character message that arrives in 64 KB chunks in linear time', () => {
    const messages: HarnessMessage[] = [];
    const reader = new ProtocolReader(MARKER, (m) => messages.push(m), () => {});
    const text = `${MARKER}{"t":"result","index":0,"ms":1,"output":"","truncated":false,"value":"${'x'.repeat(BIG)}"}\n`;
    const started = performance.now();
    for (let i = 0; i < text.length; i += 65536) reader.push(text.slice(i, i + 65536));
    const ms = performance.now() - started;
    assert.equal(messages.length, 1);
    assert.equal((messages[0] as { value: string }).value.length, BIG);
    // Linear: well under a second on any machine; re-scanning the growing text took 16.9 s.
    assert.ok(ms < 5000, `${Math.round(ms)} ms`);
  });
});

describe('runner: protocol messages are validated', () => {
  it('refuses messages of the wrong shape with the reason, and accepts the harness\'s own', () => {
    const refused: unknown[] = [
      null,
      [],
      { t: 'start', index: '0' },
      { t: 'start', index: -1 },
      { t: 'start', index: 1.5 },
      { t: 'result', index: 0, ms: 'fast', output: '', truncated: false },
      { t: 'result', index: 0, ms: 1, output: '', truncated: false, error: { kind: 'oops', message: 'x' } },
      { t: 'load-error', kind: 'load-failed' },
      { t: 'exit', index: 0, code: 'zero' },
      { t: 'launch-missiles' },
    ];
    for (const m of refused) assert.equal(typeof parseHarnessMessage(m), 'string', JSON.stringify(m));
    const accepted: unknown[] = [
      { t: 'loaded' },
      { t: 'done' },
      { t: 'start', index: 3 },
      { t: 'result', index: 3, ms: 1.5, output: 'hi', truncated: false, value: [1, [2]] },
      { t: 'result', index: 3, ms: 1, output: '', truncated: false, error: { kind: 'error', message: 'boom', stack: null } },
      { t: 'exit', index: 3, code: 0 },
      { t: 'load-error', kind: 'not-found', message: 'no solve' },
    ];
    for (const m of accepted) assert.equal(typeof parseHarnessMessage(m), 'object', JSON.stringify(m));
  });

  it('turns a value nested deeper than 1000 levels into that case\'s error, counted without recursion', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const m = parseHarnessMessage({ t: 'result', index: 0, ms: 1, output: '', truncated: false, value: deep });
    assert.ok(typeof m === 'object' && m.t === 'result');
    assert.equal(m.value, undefined);
    assert.match(m.error?.message ?? '', /nested deeper than 1000 levels/);
  });
});

for (const language of languagesWith(BIG_RESULT)) {
  describe(`runner: forged and malformed protocol messages (${language})`, function () {
    this.timeout(60_000);
    const dir = tempDir();
    afterEach(() => assert.deepEqual(strayProcesses(dir), []));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    for (const mode of Object.keys(FORGED)) {
      it(`ends the run with an error verdict, never a crash, a loop or a pass, on a forged message (${mode})`, async () => {
        const problem = makeProblem({ cases: [tc([mode], 42), tc(['ok'], 42)] });
        const run = await runCode(dir, language, forgingSolution(language), problem, { env: { nonce: () => NONCE } });
        assert.equal(run.error?.kind, 'harness', JSON.stringify(run.error));
        assert.match(run.error?.message ?? '', /does not accept/);
        assert.equal(run.passed, 0, JSON.stringify(run.cases.map((c) => [c.verdict, c.message])));
        assert.notEqual(run.cases[0].verdict, 'memory');
        if (mode === 'deep') assert.match(run.cases[0].message ?? '', /nested deeper than 1000 levels/);
      });
    }

    it('passes a right solution that returns a 48 M-character string', async () => {
      const problem = makeProblem({ limits: { timeMs: 5000, memoryMb: 512 }, cases: [tc([BIG], 'x'.repeat(BIG))] });
      const run = await runCode(dir, language, BIG_RESULT[language]!, problem);
      assert.equal(run.cases[0].verdict, 'passed', run.cases[0].message);
    });
  });
}
