import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LANGUAGES, LANGUAGE_IDS } from '../../../src/core/languages/registry';

const ROOT = path.resolve(__dirname, '../../../..');
const readJson = (file: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const at = (value: any, ...keys: string[]): any => keys.reduce((v, k) => v?.[k], value);

/** What scripts/gen-languages.mjs would write for `languages` (the registry's when undefined), by file. */
function generatedTexts(languages?: { id: string; label: string; aliases: string[] }[]): Record<string, string> {
  const call = languages ? `m.languageListTexts(${JSON.stringify(languages)})` : 'm.languageListTexts()';
  const script = `import(${JSON.stringify(path.join(ROOT, 'scripts', 'gen-languages.mjs'))}).then((m) => process.stdout.write(JSON.stringify(${call})))`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as Record<string, string>;
}

describe('languages: lists generated from the registry', function () {
  this.timeout(30_000);
  const keys = LANGUAGES.flatMap((l) => [l.id, ...l.aliases]);

  it('the schemas and package.json list exactly the registry\'s languages', () => {
    assert.deepEqual(at(readJson('schemas/drills-pack.schema.json'), 'definitions', 'language', 'enum'), LANGUAGE_IDS);
    assert.deepEqual(Object.keys(at(readJson('schemas/problem.schema.json'), 'definitions', 'names', 'properties')), keys);
    const raises = at(readJson('schemas/tests.schema.json'), 'properties', 'cases', 'items', 'properties', 'raises', 'anyOf') as { properties?: object }[];
    assert.deepEqual(Object.keys(raises.find((r) => r.properties)?.properties ?? {}), keys);
    const setting = at(readJson('package.json'), 'contributes', 'configuration', 'properties', 'drills.defaultLanguage');
    assert.deepEqual(setting.enum, [...LANGUAGE_IDS, null]);
    assert.deepEqual(setting.enumItemLabels.slice(0, -1), LANGUAGES.map((l) => l.label));
    assert.equal(setting.markdownEnumDescriptions.length, LANGUAGES.length + 1);
  });

  it('the committed files are what the generator writes (run `node esbuild.js` after changing the registry)', () => {
    for (const [file, text] of Object.entries(generatedTexts())) assert.equal(fs.readFileSync(path.join(ROOT, file), 'utf8'), text, `${file} is stale`);
  });

  it('a language added to the registry appears in every generated list', () => {
    const added = [...LANGUAGES.map((l) => ({ id: l.id, label: l.label, aliases: [...l.aliases] })), { id: 'zig', label: 'Zig', aliases: ['ziglang'] }];
    const texts = generatedTexts(added);
    assert.deepEqual(at(JSON.parse(texts['schemas/drills-pack.schema.json']), 'definitions', 'language', 'enum'), [...LANGUAGE_IDS, 'zig']);
    assert.deepEqual(Object.keys(at(JSON.parse(texts['schemas/problem.schema.json']), 'definitions', 'names', 'properties')), [...keys, 'zig', 'ziglang']);
    assert.match(texts['schemas/tests.schema.json'], /"ziglang": \{ "\$ref": "#\/definitions\/exceptionName" \}\n/);
    const setting = at(JSON.parse(texts['package.json']), 'contributes', 'configuration', 'properties', 'drills.defaultLanguage');
    assert.deepEqual(setting.enum, [...LANGUAGE_IDS, 'zig', null]);
    assert.deepEqual(setting.enumItemLabels.slice(-2), ['Zig', 'Ask each time']);
  });
});
