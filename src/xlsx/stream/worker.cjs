// A worker thread of the file pool (pool.ts): TypeScript compiled on the fly by tsx, as bin/vv-monitor.cjs
// does for the main thread (a worker does not inherit the main thread's loader).
"use strict";
require("tsx/cjs");
require("./worker-main.ts");
