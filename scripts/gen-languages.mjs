// Writes the language lists that static files must spell out, from the language registry
// (src/core/languages/registry.ts), so that a language is added in one place:
//   - schemas/drills-pack.schema.json   definitions.language enum (defaults.languages)
//   - schemas/problem.schema.json       the keys of `names:` (ids and aliases)
//   - schemas/tests.schema.json         the keys of a per-language `raises:` (ids and aliases)
//   - package.json                      drills.defaultLanguage's enum, labels and descriptions
// A file is written only when its list differs. esbuild.js runs this before every build (before
// gen-validators.mjs, which compiles the schemas); test/unit/languages/generated.test.ts fails when a
// committed file was not regenerated.
// Usage: node scripts/gen-languages.mjs
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The registry's languages ({id, label, aliases}), read by bundling registry.ts in memory. */
export function registryLanguages() {
  const esbuild = require('esbuild');
  const result = esbuild.buildSync({
    entryPoints: [path.join(root, 'src', 'core', 'languages', 'registry.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    // Loaded on demand by the modules' code, never while listing them.
    external: ['sucrase'],
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', result.outputFiles[0].text)(module, module.exports, require);
  return module.exports.LANGUAGES.map((l) => ({ id: l.id, label: l.label, aliases: [...l.aliases] }));
}

/** The files this script writes, for watch mode. */
export function languageListInputs() {
  return [path.join(root, 'src', 'core', 'languages')];
}

const quote = (s) => JSON.stringify(s);

/** `text` with the `"name": { "$ref": ... }` entries of every per-language `properties` block replaced by one per key. */
function replaceKeyedBlocks(text, keys, file) {
  // A block of one-line entries that all point at the same definition, the first of them a language (the registry's
  // first language is always listed): `"properties": {\n  "python": { "$ref": "#/definitions/X" },\n ... }`.
  const block = /("properties": \{\n)((?:[ \t]*"[^"]+": \{ "\$ref": "#\/definitions\/[A-Za-z]+" \},?\n)+)([ \t]*\})/g;
  let replaced = 0;
  const out = text.replace(block, (whole, open, body, close) => {
    const entries = [...body.matchAll(/^([ \t]*)"([^"]+)": (\{ "\$ref": "#\/definitions\/([A-Za-z]+)" \})/gm)];
    if (!entries.some((e) => e[2] === keys[0]) || new Set(entries.map((e) => e[4])).size !== 1) return whole;
    replaced++;
    const [indent, , value] = [entries[0][1], null, entries[0][3]];
    return open + keys.map((k, i) => `${indent}${quote(k)}: ${value}${i < keys.length - 1 ? ',' : ''}\n`).join('') + close;
  });
  if (replaced !== 1) throw new Error(`${file}: expected one per-language properties block, found ${replaced}`);
  return out;
}

/** The new text of each generated file, by path relative to the repository. */
export function languageListTexts(languages = registryLanguages()) {
  const ids = languages.map((l) => l.id);
  const keys = languages.flatMap((l) => [l.id, ...l.aliases]);
  const read = (f) => fs.readFileSync(path.join(root, f), 'utf8');
  const texts = {};

  const pack = 'schemas/drills-pack.schema.json';
  const enumLine = /("language": \{ "type": "string", "enum": )\[[^\]]*\]/;
  if (!enumLine.test(read(pack))) throw new Error(`${pack}: no definitions.language enum line`);
  texts[pack] = read(pack).replace(enumLine, (_, head) => `${head}[${ids.map(quote).join(', ')}]`);

  texts['schemas/problem.schema.json'] = replaceKeyedBlocks(read('schemas/problem.schema.json'), keys, 'problem.schema.json');
  texts['schemas/tests.schema.json'] = replaceKeyedBlocks(read('schemas/tests.schema.json'), keys, 'tests.schema.json');

  const manifest = JSON.parse(read('package.json'));
  const setting = manifest.contributes.configuration.properties['drills.defaultLanguage'];
  const ask = { label: setting.enumItemLabels.at(-1), description: setting.markdownEnumDescriptions.at(-1) };
  setting.enum = [...ids, null];
  setting.enumItemLabels = [...languages.map((l) => l.label), ask.label];
  setting.markdownEnumDescriptions = [...languages.map((l) => `Start drills in ${l.label}.`), ask.description];
  texts['package.json'] = `${JSON.stringify(manifest, null, 2)}\n`;
  return texts;
}

/** Writes the files whose language lists differ from the registry; returns their paths. */
export function generateLanguageLists() {
  const written = [];
  for (const [file, text] of Object.entries(languageListTexts())) {
    const full = path.join(root, file);
    if (fs.readFileSync(full, 'utf8') === text) continue;
    const tmp = `${full}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, full);
    written.push(file);
  }
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const written = generateLanguageLists();
  console.log(written.length > 0 ? `wrote ${written.join(', ')}` : 'language lists are up to date');
}
