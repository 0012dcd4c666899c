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
  submitPlan: 'drills.submitPlan',
  runHiddenTests: 'drills.runHiddenTests',
  revealHint: 'drills.revealHint',
  timerActions: 'drills.timerActions',
  pauseTimer: 'drills.pauseTimer',
  resumeTimer: 'drills.resumeTimer',
  advancePhase: 'drills.advancePhase',
  finishDrill: 'drills.finishDrill',
  abandonDrill: 'drills.abandonDrill',
  showHistory: 'drills.showHistory',
  startMock: 'drills.startMock',
  finishMock: 'drills.finishMock',
  openDashboard: 'drills.openDashboard',
  setInterviewDate: 'drills.setInterviewDate',
  exportHistory: 'drills.exportHistory',
  importHistory: 'drills.importHistory',
  checkToolchains: 'drills.checkToolchains',
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
  /** A drill is open (an attempt in progress, or its strict final run pending). */
  activeDrill: 'drills.activeDrill',
  /** The open drill's plan was accepted: hidden tests, their commands and CodeLens are shown. */
  testsRevealed: 'drills.testsRevealed',
  /** The open drill's timer can pause (practice mode). */
  drillPausable: 'drills.drillPausable',
  /** A self-mock session is under way. */
  mockActive: 'drills.mockActive',
  /** Hidden tests have run at least once, however they were started (the walkthrough's "run the tests" step). */
  testsRan: 'drills.testsRan',
  /** The dashboard has been opened, from any place (the walkthrough's last step). */
  dashboardOpened: 'drills.dashboardOpened',
} as const;

export type ContextKey = (typeof ContextKeys)[keyof typeof ContextKeys];
