import * as assert from 'node:assert/strict';
import { jsonErrorPosition } from '../../../src/core/pack/jsonPosition';
import { closestMatch, editDistance } from '../../../src/core/pack/suggest';
import { formatType, parseTypeName } from '../../../src/core/pack/typeName';

describe('type names', () => {
  it('accepts the base types, lists, maps and their nesting, with spaces around map punctuation', () => {
    for (const [text, canonical] of [
      ['int', 'int'],
      ['TreeNode', 'TreeNode'],
      ['ListNode[]', 'ListNode[]'],
      ['int[][]', 'int[][]'],
      ['map<string,int>', 'map<string,int>'],
      ['map< string , map<string,float[]> >[]', 'map<string,map<string,float[]>>[]'],
    ]) {
      const parsed = parseTypeName(text);
      assert.ok(parsed.ok, text);
      assert.equal(formatType(parsed.type), canonical);
    }
  });

  it('points at the offending offset with a message and a suggestion', () => {
    const cases: [string, number, RegExp][] = [
      ['integer', 0, /unknown type `integer`.*Did you mean `int`/],
      ['int[', 3, /unexpected `\[` after the type/],
      ['map<int,string>', 4, /map keys must be `string`.*not `int`/],
      ['map<string int>', 11, /expected `,`/],
      ['map<string,int', 14, /expected `>`/],
      ['list[int]', 0, /Did you mean `T\[\]`/],
      ['treenode', 0, /Did you mean `TreeNode`/],
      ['', 0, /a type is missing/],
      ['int string', 4, /unexpected `string`/],
    ];
    for (const [text, offset, message] of cases) {
      const parsed = parseTypeName(text);
      assert.ok(!parsed.ok, text);
      assert.equal(parsed.offset, offset, text);
      assert.match(parsed.message, message);
    }
  });
});

describe('suggestions', () => {
  it('measures edits including adjacent swaps', () => {
    assert.equal(editDistance('titel', 'title'), 1);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('kitten', 'sitting'), 3);
  });

  it('suggests only close candidates, preferring a case slip', () => {
    assert.equal(closestMatch('dificulty', ['difficulty', 'id']), 'difficulty');
    assert.equal(closestMatch('TREENODE', ['TreeNode', 'int']), 'TreeNode');
    assert.equal(closestMatch('zzz', ['title', 'id']), undefined);
  });
});

describe('JSON error positions', () => {
  it('finds the first character JSON does not allow', () => {
    assert.deepEqual(jsonErrorPosition('{\n  "a": 1,\n  "b": \n}'), { line: 4, column: 1, found: '`}`' });
    assert.deepEqual(jsonErrorPosition('[1, 2'), { line: 1, column: 6, found: 'the end of the file' });
    assert.deepEqual(jsonErrorPosition('{"a": tru}'), { line: 1, column: 10, found: '`}`' });
    assert.deepEqual(jsonErrorPosition('{"a": 1} x'), { line: 1, column: 10, found: '`x`' });
    assert.deepEqual(jsonErrorPosition("{'a': 1}"), { line: 1, column: 2, found: "`'`" });
  });
});
