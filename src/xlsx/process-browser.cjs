/**
 * The little of Node's `process` that exceljs' stream helpers (readable-stream) use when the task pane reads
 * a workbook in the browser: nextTick, and an empty environment.
 */
module.exports = {
  browser: true,
  env: {},
  version: "",
  versions: {},
  nextTick: (fn, ...args) => queueMicrotask(() => fn(...args)),
};
