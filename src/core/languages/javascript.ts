import { nodeLanguage } from './node';

/** JavaScript: CommonJS as written, ES-module syntax through sucrase's imports transform. */
export const javascript = nodeLanguage(
  { id: 'javascript', label: 'JavaScript', extension: '.js', solutionFile: 'solution.js', aliases: [], editorLanguageId: 'javascript' },
  false,
);
