// Entry point (`extensionTestsPath`) of the Restricted Mode suite: the same runner as the main suite, over the
// `*.test.js` files next to this one. A launcher opens the workspace untrusted for it (see scripts/test-offline.mjs).
export { run } from '../integration/index';
