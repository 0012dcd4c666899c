/** The drill session's decisions, without the editor: mode, schedule, notices, messages, rows. */
export * from './session';
export * from './stackFrames';
export * from './drillSession';
