import * as assert from 'node:assert/strict';
import { parse } from 'jsonc-parser';
import { editSettingsText } from '../../../src/core/progress/settingsText';

const OFF = { other: 'off', comments: 'off', strings: 'off' };

describe('interview conditions as one edit of the settings file', () => {
  it('sets every language\'s settings and the AI assistant maps in one text, keeping comments and other settings', () => {
    const before = '{\n    // the team\'s ruler\n    "editor.rulers": [100],\n    "[javascript]": {\n        "editor.formatOnType": true\n    }\n}\n';
    const after = editSettingsText(before, [
      { target: { key: 'editor.formatOnType', languageId: 'javascript' }, value: false },
      { target: { key: 'editor.quickSuggestions', languageId: 'javascript' }, value: OFF },
      { target: { key: 'editor.parameterHints.enabled', languageId: 'markdown' }, value: false },
      { target: { key: 'github.copilot.enable' }, value: { '*': true, javascript: false } },
    ]);
    assert.match(after, /\/\/ the team's ruler/);
    assert.deepEqual(parse(after), {
      'editor.rulers': [100],
      '[javascript]': { 'editor.formatOnType': false, 'editor.quickSuggestions': OFF },
      '[markdown]': { 'editor.parameterHints.enabled': false },
      'github.copilot.enable': { '*': true, javascript: false },
    });
  });

  it('puts settings back: a removed setting leaves no empty language block behind, a previous value returns', () => {
    const on = editSettingsText('', [
      { target: { key: 'editor.formatOnType', languageId: 'javascript' }, value: false },
      { target: { key: 'editor.parameterHints.enabled', languageId: 'markdown' }, value: false },
    ]);
    const off = editSettingsText(on, [
      { target: { key: 'editor.formatOnType', languageId: 'javascript' }, value: true },
      { target: { key: 'editor.parameterHints.enabled', languageId: 'markdown' }, value: undefined },
      { target: { key: 'editor.inlineSuggest.enabled', languageId: 'python' }, value: undefined },
    ]);
    assert.deepEqual(parse(off), { '[javascript]': { 'editor.formatOnType': true } });
  });

  it('edits the settings of a .code-workspace file under "settings"', () => {
    const text = '{\n  "folders": [{ "path": "." }],\n  "settings": {}\n}';
    const after = editSettingsText(text, [{ target: { key: 'editor.formatOnType', languageId: 'python' }, value: false }], ['settings']);
    assert.deepEqual(parse(after), { folders: [{ path: '.' }], settings: { '[python]': { 'editor.formatOnType': false } } });
  });
});
