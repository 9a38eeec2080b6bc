#!/usr/bin/env node
// `npx vv-monitor ...` right after `npm ci`, without a build step: tsx compiles the TypeScript sources
// on the fly (its CommonJS hook), then the command line runs.
"use strict";
require("tsx/cjs");
require("../src/cli/index.ts");
