/** Attempt history: one atomically written JSON file per attempt. */
export * from './history';
export { attemptShapeProblem } from './shape';
