// Starting drills and browsing problems, without the editor: folder names, numbering, language choice,
// filters and random picks.
export * from './state';
export * from './filter';
export * from './random';
export * from './language';
export * from './attemptFolder';
export * from './packSet';
export * from './editorSupport';
