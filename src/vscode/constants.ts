/** Command ids, one place for the manifest's names. */
export const Commands = {
  refresh: 'drills.refresh',
  newPack: 'drills.newPack',
  showOutput: 'drills.showOutput',
  startDrill: 'drills.startDrill',
  openStatement: 'drills.openStatement',
  filter: 'drills.filter',
  clearFilter: 'drills.clearFilter',
  randomUnsolved: 'drills.randomUnsolved',
} as const;

/** View ids contributed in package.json. */
export const Views = {
  problems: 'drills.problems',
} as const;

/** Context keys used in `when` clauses. */
export const ContextKeys = {
  loaded: 'drills.loaded',
  hasPacks: 'drills.hasPacks',
  /** The Drills view has a filter on (shows "Clear Filter"). */
  filtered: 'drills.filtered',
} as const;

export type ContextKey = (typeof ContextKeys)[keyof typeof ContextKeys];
