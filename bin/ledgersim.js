#!/usr/bin/env node
// The CLI, bundled into one file by `npm run build` (npm's `prepare` runs it on install): one
// module to load instead of hundreds, which is most of `ledgersim start`'s start-up.
import '../dist/ledgersim.mjs';
