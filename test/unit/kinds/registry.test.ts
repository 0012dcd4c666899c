import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { DRILL_KINDS, KIND_IDS, kindById, problemKindOf, isCodingProblemText } from '../../../src/core/kinds/index';
import { DESIGN_PHASE_IDS, readDesignProblem } from '../../../src/core/kinds/design/index';
import { STORY_TYPE_IDS } from '../../../src/core/kinds/story/index';
import { BUILTIN, DESIGN_PROBLEM, ROOT } from './helpers';

const schema = (name: string) => JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', name), 'utf8'));

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: true });
  ajv.addKeyword('markdownDescription');
  for (const name of ['design-problem.schema.json', 'failure-checklist.schema.json', 'story-pack.schema.json', 'story-bank.schema.json']) ajv.addSchema(schema(name), name);
  return ajv;
}

describe('kinds: registry and schemas', () => {
  it('the registry holds coding, design and story; coding is also the kind of a problem that names none', () => {
    assert.deepEqual(KIND_IDS, ['coding', 'design', 'story']);
    for (const [id, kind] of Object.entries(DRILL_KINDS)) assert.equal(kind.id, id);
    assert.equal(kindById('design'), DRILL_KINDS.design);
    assert.equal(kindById('coding'), DRILL_KINDS.coding);
    assert.equal(kindById('toString'), undefined);
  });

  it('a problem\'s kind is read from its text without parsing it', () => {
    assert.equal(problemKindOf('id: x\nkind: design\n'), 'design');
    assert.equal(problemKindOf('kind: "design"  # a system-design prompt\nid: x\n'), 'design');
    assert.equal(problemKindOf('id: x\ntitle: "kind: design"\n'), 'coding', 'only a top-level key counts');
    assert.equal(problemKindOf('  kind: design\n'), 'coding', 'a nested key does not count');
    assert.equal(problemKindOf('id: x\r\nkind: design\r\n'), 'design', 'Windows line ends');
    assert.equal(isCodingProblemText('id: x\nfunction: {}\n'), true);
    assert.equal(isCodingProblemText('kind: coding\n'), true);
  });

  it('the schemas\' enums are the format\'s tables: design phases, story types, the kind', () => {
    const design = schema('design-problem.schema.json');
    assert.deepEqual(Object.keys(design.properties.phases.properties), DESIGN_PHASE_IDS);
    assert.deepEqual(design.properties.outline.required, DESIGN_PHASE_IDS);
    assert.ok(KIND_IDS.includes(design.properties.kind.const));
    assert.deepEqual(schema('story-pack.schema.json').definitions.storyType.enum, STORY_TYPE_IDS);
  });

  it('the built-in design problems and story pack are valid against the published schemas', () => {
    const ajv = validator();
    const dirs = fs.readdirSync(path.join(BUILTIN, 'design'));
    assert.equal(dirs.length, 4);
    for (const d of dirs) {
      const value = parse(fs.readFileSync(path.join(BUILTIN, 'design', d, 'problem.yaml'), 'utf8'));
      assert.ok(ajv.validate('design-problem.schema.json', value), `${d}: ${ajv.errorsText()}`);
    }
    assert.ok(ajv.validate('story-pack.schema.json', parse(fs.readFileSync(path.join(BUILTIN, 'stories', 'story-pack.yaml'), 'utf8'))), ajv.errorsText());
    assert.ok(ajv.validate('failure-checklist.schema.json', [{ id: 'hot-keys', label: 'Hot keys', terms: ['hot key'] }]), ajv.errorsText());
    assert.equal(ajv.validate('failure-checklist.schema.json', [{ id: 'hot-keys', label: 'Hot keys' }]), false);
    assert.ok(ajv.validate('story-bank.schema.json', { wordsPerMinute: 140, slogans: [{ phrase: 'x', why: 'y' }] }), ajv.errorsText());
  });

  it('the schema and the loader refuse the same broken design problems', () => {
    const ajv = validator();
    const broken = [
      DESIGN_PROBLEM.replace('kind: design\n', ''),
      DESIGN_PROBLEM.replace('  operations: [slo]\n', ''),
      DESIGN_PROBLEM.replace('    concerns: [does the arithmetic]\n', ''),
      DESIGN_PROBLEM.replace('id: url-shortener', 'id: "url shortener"'),
      DESIGN_PROBLEM + 'phases: { scale: -1 }\n',
    ];
    assert.ok(ajv.validate('design-problem.schema.json', parse(DESIGN_PROBLEM)));
    assert.ok(readDesignProblem('/p/problem.yaml', DESIGN_PROBLEM, { id: 'p', dir: '/p' }, []));
    for (const text of broken) {
      assert.equal(ajv.validate('design-problem.schema.json', parse(text)), false, text);
      const diagnostics: never[] = [];
      assert.equal(readDesignProblem('/p/problem.yaml', text, { id: 'p', dir: '/p' }, diagnostics), undefined, text);
    }
  });
});
