#!/usr/bin/env bash
# `npm start`: installs what is missing, builds, and opens the extension with the built-in pack.
#   - VS Code desktop when `code` is on the PATH: a development host window (`--extensionDevelopmentPath`).
#   - Otherwise a local code-server on 127.0.0.1 (provisioned as for the integration tests) with the
#     extension under development loaded; the address to open is printed. Ctrl-C stops it.
# Usage: npm start [-- FOLDER]   (env: DRILLS_START=web forces code-server; DRILLS_PORT picks its port)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# npm ci, or a copy of the node_modules it made for the same package-lock.json before (scripts/lib/npm-deps.mjs).
node scripts/lib/npm-deps.mjs
npm run --silent build
# The compiled languages' toolchains (Java, C++, Go), installed when missing and root; otherwise a message names them
# and the extension starts all the same, those languages marked as needing their toolchain.
node --input-type=module -e "
import { ensureToolchains, MissingToolchainsError } from './scripts/lib/provision.mjs';
try { ensureToolchains(); } catch (e) { if (!(e instanceof MissingToolchainsError)) throw e; console.warn(e.message); }
"

if [ "${DRILLS_START:-}" != "web" ] && command -v code >/dev/null 2>&1; then
  echo "Opening a VS Code development host with Drills (close the window to stop)."
  exec code --new-window --wait --extensionDevelopmentPath="$PWD" "$@"
fi
exec node scripts/start.mjs "$@"
