/** Progress and review: FSRS scheduling, the dashboard model, history export and import, interview conditions. */
export * from './days';
export * from './kinds';
export * from './review';
export * from './kindReviews';
export * from './reviewStore';
export * from './dashboard';
export * from './exchange';
export * from './conditions';
