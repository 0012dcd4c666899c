/** The plan gate: PLAN.md template, parser, validation, edge-case tags and coverage. */
export * from './plan';
export * from './edgeTags';
export * from './coverage';
