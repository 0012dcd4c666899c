/** The language registry: one module per language, and what is derived from the list. */
export * from './registry';
export type * from './types';
