import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { makeProblem, runCode, tc, tempDir } from './helpers';
import { LANGUAGE_IDS } from '../../../src/core/languages/registry';

const dir = tempDir();
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const SECRETS = ['GITHUB_TOKEN', 'NPM_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'NODE_OPTIONS', 'NODE_EXTRA_CA_CERTS', 'PYTHONPATH', 'JAVA_TOOL_OPTIONS', 'DRILLS_KEPT', 'DRILLS_READY_FD'];
const KEPT = ['PATH', 'HOME', 'LANG'];

const READ_ENV = {
  python: 'import os\ndef solve(names):\n    return [os.environ.get(n, "unset") for n in names]\n',
  javascript: "function solve(names) {\n  return names.map((n) => process.env[n] ?? 'unset');\n}",
  typescript: "export function solve(names: string[]): string[] {\n  return names.map((n) => process.env[n] ?? 'unset');\n}",
  go: 'import "os"\n\nfunc solve(names []string) []string {\n\tout := make([]string, len(names))\n\tfor i, n := range names {\n\t\tif v, ok := os.LookupEnv(n); ok {\n\t\t\tout[i] = v\n\t\t} else {\n\t\t\tout[i] = "unset"\n\t\t}\n\t}\n\treturn out\n}\n',
  java: 'class Solution {\n    public String[] solve(String[] names) {\n        String[] out = new String[names.length];\n        for (int i = 0; i < names.length; i++) {\n            String v = System.getenv(names[i]);\n            out[i] = v == null ? "unset" : v;\n        }\n        return out;\n    }\n}\n',
  cpp: 'class Solution {\npublic:\n    vector<string> solve(vector<string>& names) {\n        vector<string> out;\n        for (auto& n : names) {\n            const char* v = getenv(n.c_str());\n            out.push_back(v ? v : "unset");\n        }\n        return out;\n    }\n};\n',
};

describe("runner: the solution's environment", function () {
  this.timeout(40_000);
  const saved = Object.fromEntries([...SECRETS, 'LANG'].map((k) => [k, process.env[k]]));
  before(() => {
    // Harmless values: a child that still received them would only report them back.
    for (const key of SECRETS) process.env[key] = key === 'NODE_OPTIONS' ? '--no-deprecation' : key === 'NODE_EXTRA_CA_CERTS' ? '/dev/null' : key === 'JAVA_TOOL_OPTIONS' ? '-Ddrills.leaked=1' : `secret-${key}`;
    process.env.LANG ??= 'C.UTF-8';
  });
  after(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  for (const language of LANGUAGE_IDS.filter((l): l is keyof typeof READ_ENV => l in READ_ENV)) {
    it(`gives the solution PATH, HOME and the locale, but no token or other variable of the user (${language})`, async () => {
      const names = [...SECRETS, ...KEPT];
      const expected = [...SECRETS.map(() => 'unset'), ...KEPT.map((k) => process.env[k])];
      const problem = makeProblem({ cases: [tc([names], expected)] });
      const run = await runCode(dir, language, READ_ENV[language], problem);
      assert.equal(run.error, undefined, run.error?.message);
      assert.equal(run.cases[0].verdict, 'passed', JSON.stringify(run.cases[0].actual));
    });
  }
});
