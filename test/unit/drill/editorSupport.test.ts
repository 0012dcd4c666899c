import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { DECLARATIONS_FILE, editorSupportFiles, writeEditorSupport } from '../../../src/core/drill/editorSupport';

const PROBLEMS = path.join(__dirname, '..', '..', '..', '..', 'problems');

/** The standard library's parsed declarations, shared by every check here: parsing them is most of a check's time. */
const libFiles = new Map<string, ts.SourceFile>();

/** The errors the TypeScript compiler reports for the project whose config is `configFile`. */
function projectErrors(configFile: string): string[] {
  const read = ts.readConfigFile(configFile, (f) => ts.sys.readFile(f));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(configFile));
  const host = ts.createCompilerHost(parsed.options);
  const getSourceFile = host.getSourceFile.bind(host);
  const projectDir = path.dirname(configFile);
  host.getSourceFile = (fileName, languageVersion, ...rest) => {
    if (!path.resolve(fileName).startsWith(projectDir + path.sep)) {
      const key = `${fileName}|${JSON.stringify(languageVersion)}`;
      let file = libFiles.get(key);
      if (!file) {
        file = getSourceFile(fileName, languageVersion, ...rest);
        if (file) libFiles.set(key, file);
      }
      return file;
    }
    return getSourceFile(fileName, languageVersion, ...rest);
  };
  const program = ts.createProgram(parsed.fileNames, parsed.options, host);
  // The project's own files, and its options: the standard library is the compiler's, checked by its authors.
  const own = program.getSourceFiles().filter((f) => path.resolve(f.fileName).startsWith(projectDir + path.sep));
  const diagnostics = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics(), ...own.flatMap((f) => [...program.getSyntacticDiagnostics(f), ...program.getSemanticDiagnostics(f)])];
  return diagnostics.map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

describe('drill: editor support beside a solution', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-editor-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes nothing for Python, declarations and a tsconfig for TypeScript, a jsconfig for JavaScript', () => {
    assert.deepEqual(editorSupportFiles('python', 'solution.py'), []);
    assert.deepEqual(editorSupportFiles('typescript', 'solution.ts').map((f) => f.name), [DECLARATIONS_FILE, 'tsconfig.json']);
    assert.deepEqual(editorSupportFiles('javascript', 'solution.js').map((f) => f.name), [DECLARATIONS_FILE, 'jsconfig.json']);
  });

  it('never overwrites a file the user changed', async () => {
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), '{"mine": true}');
    assert.deepEqual(await writeEditorSupport(dir, 'typescript', 'solution.ts'), [DECLARATIONS_FILE]);
    assert.equal(fs.readFileSync(path.join(dir, 'tsconfig.json'), 'utf8'), '{"mine": true}');
  });

  for (const problem of ['genre-tree-depth', 'ad-slot-revenue-tree', 'merge-playlists']) {
    it(`the reference TypeScript solution of ${problem} type-checks with them, and does not without the declarations`, async function () {
      // Two full type-checks with the TypeScript compiler: seconds on an idle machine, far more on a busy one.
      this.timeout(180_000);
      fs.copyFileSync(path.join(PROBLEMS, problem, 'solutions', 'solution.ts'), path.join(dir, 'solution.ts'));
      await writeEditorSupport(dir, 'typescript', 'solution.ts');
      assert.deepEqual(projectErrors(path.join(dir, 'tsconfig.json')), []);
      fs.writeFileSync(path.join(dir, DECLARATIONS_FILE), '');
      assert.ok(projectErrors(path.join(dir, 'tsconfig.json')).some((e) => /TS2304: Cannot find name '(TreeNode|ListNode)'/.test(e)));
    });
  }

  it('a checked JavaScript solution using TreeNode type-checks with them', async function () {
    this.timeout(180_000);
    const reference = fs.readFileSync(path.join(PROBLEMS, 'genre-tree-depth', 'solutions', 'solution.js'), 'utf8');
    fs.writeFileSync(path.join(dir, 'solution.js'), `// @ts-check\n${reference}`);
    await writeEditorSupport(dir, 'javascript', 'solution.js');
    assert.deepEqual(projectErrors(path.join(dir, 'jsconfig.json')), []);
  });
});
