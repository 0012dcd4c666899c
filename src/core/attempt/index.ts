/** Attempts: state transitions, a problem's progress, self-mock sessions. */
export * from './attempt';
export * from './progress';
export * from './mock';
