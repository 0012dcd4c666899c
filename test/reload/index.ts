// Entry point (`extensionTestsPath`) of the reload hand-off: its one test leaves a drill open and says when its
// timer ends; the launcher then reloads the window without a suite and reads the timer off the status bar
// (scripts/test-offline.mjs).
export { run } from '../integration/index';
