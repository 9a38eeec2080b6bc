// Lint: typescript-eslint's recommended rules, plus the architecture rule that the core imports no host.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  {
    ignores: ["dist/**", "node_modules/**", "coverage/**", "test-output/**", "**/*.cjs", "**/*.js"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        ...globals.node,
        ...globals.browser,
        Office: "readonly",
        Excel: "readonly",
        CustomFunctions: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/no-explicit-any": "warn",
      "no-eval": "error",
      "no-new-func": "error",
    },
  },
  // The core's own folders (src/core/rules, ...) may import their parent's modules, never above src/core.
  ...[
    { files: ["src/core/*.ts"], outside: "../*" },
    { files: ["src/core/*/*.ts"], outside: "../../*" },
  ].map(({ files, outside }) => ({
    files,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "node:*",
                "fs",
                "path",
                "exceljs",
                "react",
                "react-dom",
                "@fluentui/*",
                "office-*",
                "@microsoft/*",
                outside,
              ],
              message: "The core is pure: no host, no Node, nothing outside src/core.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        "Office",
        "Excel",
        "CustomFunctions",
        "process",
        "window",
        "document",
      ],
    },
  }))
);
