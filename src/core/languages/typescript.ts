import { nodeLanguage } from './node';

/** TypeScript: types stripped by sucrase (line numbers kept), then run as JavaScript. */
export const typescript = nodeLanguage(
  { id: 'typescript', label: 'TypeScript', extension: '.ts', notSolutionSuffixes: ['.d.ts'], solutionFile: 'solution.ts', aliases: [], editorLanguageId: 'typescript' },
  true,
);
