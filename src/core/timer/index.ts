/** The interview timer: phases, state from timestamps, events for the adapter, status text. */
export * from './phases';
export * from './timer';
