#!/usr/bin/env node
// `npx vv-monitor ...` right after `npm ci`, without a build step: the sources compiled by esbuild on the
// first run after a change (compiled.cjs), else compiled on the fly by tsx (its CommonJS hook).
"use strict";
const compiled = process.env.VV_MONITOR_TSX ? null : require("./compiled.cjs")();
// Loaded with V8's code cache of earlier runs (code-cache.cjs).
if (compiled) require("./code-cache.cjs")(compiled);
else {
  require("tsx/cjs");
  require("../src/cli/index.ts");
}
