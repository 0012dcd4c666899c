import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { BUILTIN, ROOT } from './helpers';

const PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { yamlValidation: { fileMatch: string | string[]; url: string }[] } };
const schema = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as object;

/** The schema the manifest maps to problem.yaml, with every schema it refers to loaded by its $id. */
function problemValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const mapping = PACKAGE.contributes.yamlValidation.filter((m) => [m.fileMatch].flat().includes('problem.yaml'));
  assert.equal(mapping.length, 1, 'exactly one yamlValidation entry maps problem.yaml');
  for (const name of fs.readdirSync(path.join(ROOT, 'schemas'))) ajv.addSchema(schema(path.join('schemas', name)));
  const id = (schema(mapping[0].url) as { $id: string }).$id;
  return ajv.getSchema(id)!;
}

const yamlOf = (dir: string) => parse(fs.readFileSync(path.join(dir, 'problem.yaml'), 'utf8')) as unknown;

describe('kinds: the manifest validates every problem.yaml with the schema of its kind', () => {
  const validate = problemValidator();

  it('accepts the built-in design problems (kind: design) and the built-in coding problems', () => {
    const design = fs.readdirSync(path.join(BUILTIN, 'design')).map((d) => path.join(BUILTIN, 'design', d));
    const coding = fs.readdirSync(BUILTIN).map((d) => path.join(BUILTIN, d)).filter((d) => fs.existsSync(path.join(d, 'problem.yaml')));
    assert.ok(design.length >= 4 && coding.length >= 3);
    for (const dir of [...design, ...coding]) assert.ok(validate(yamlOf(dir)), `${dir}: ${JSON.stringify(validate.errors)}`);
  });

  it('checks a design problem against the design schema, not the coding one', () => {
    const design = yamlOf(path.join(BUILTIN, 'design', fs.readdirSync(path.join(BUILTIN, 'design'))[0])) as Record<string, unknown>;
    const withoutProbes = { ...design };
    delete withoutProbes.probes;
    assert.equal(validate(withoutProbes), false);
    assert.ok(validate.errors!.some((e) => e.message?.includes('probes')), JSON.stringify(validate.errors));
  });

  it('checks a problem without kind against the coding schema', () => {
    const coding = yamlOf(path.join(BUILTIN, 'merge-playlists')) as Record<string, unknown>;
    assert.equal(validate({ ...coding, probes: [] }), false, 'a coding problem with design keys passed');
    assert.equal(validate({ ...coding, kind: 'desing' }), false, 'a misspelt kind passed');
  });
});
