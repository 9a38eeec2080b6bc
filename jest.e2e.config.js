/** End-to-end suites: LibreOffice headless on generated files, Chromium on the built add-in. */
const base = require("./jest.config.js");
module.exports = {
  ...base,
  testMatch: ["<rootDir>/test/e2e/**/*.e2e.test.ts"],
  testPathIgnorePatterns: ["/node_modules/"],
  testTimeout: 300000,
};
