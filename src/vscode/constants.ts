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
  startLoop: 'drills.loop.start',
  nextLoopRound: 'drills.loop.next',
  finishLoop: 'drills.loop.finish',
} as const;

/** Command ids of the design and story drills. */
export const KindCommands = {
  startDesign: 'drills.design.start',
  openDesignPrompt: 'drills.design.openPrompt',
  checkDesign: 'drills.design.checkGate',
  submitDesign: 'drills.design.submit',
  nextProbe: 'drills.design.nextProbe',
  scoreDesign: 'drills.design.score',
  abandonDesign: 'drills.design.abandon',
  designAction: 'drills.design.statusAction',
  createStoryBank: 'drills.story.createBank',
  rehearse: 'drills.story.rehearse',
  stopRehearsal: 'drills.story.stopRehearsal',
  refreshKinds: 'drills.kinds.refresh',
} as const;

/** Every command id the extension registers: exactly the commands package.json contributes. */
export type CommandId = (typeof Commands)[keyof typeof Commands] | KindCommandId;
/** The id of a design or story drill command. */
export type KindCommandId = (typeof KindCommands)[keyof typeof KindCommands];
export const COMMAND_IDS: readonly CommandId[] = [...Object.values(Commands), ...Object.values(KindCommands)];

/** The commands of the drill session: they act on the session restored from history, replaced by a reload. */
export const SESSION_COMMANDS = [
  Commands.submitPlan,
  Commands.runHiddenTests,
  Commands.revealHint,
  Commands.timerActions,
  Commands.pauseTimer,
  Commands.resumeTimer,
  Commands.advancePhase,
  Commands.finishDrill,
  Commands.abandonDrill,
  Commands.showHistory,
  Commands.startMock,
  Commands.finishMock,
  Commands.openDashboard,
  Commands.exportHistory,
  Commands.importHistory,
] as const;
export type SessionCommandId = (typeof SESSION_COMMANDS)[number];

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
  /** A mock loop of mixed kinds is under way. */
  loopActive: 'drills.loopActive',
  /** The file names a solution has, one per language (`when`: `resourceFilename in drills.solutionFiles`). */
  solutionFiles: 'drills.solutionFiles',
  /** Hidden tests have run at least once, however they were started (the walkthrough's "run the tests" step). */
  testsRan: 'drills.testsRan',
  /** The dashboard has been opened, from any place (the walkthrough's last step). */
  dashboardOpened: 'drills.dashboardOpened',
} as const;

export type ContextKey = (typeof ContextKeys)[keyof typeof ContextKeys];
