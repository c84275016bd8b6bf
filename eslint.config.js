// ESLint (flat config): the checks a type checker does not make. Formatting is Prettier's job
// (eslint-config-prettier turns off every rule that would argue with it). Why these rules:
// docs/decisions/100-lint-and-format.md.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import jsxA11y from "eslint-plugin-jsx-a11y";
import prettier from "eslint-config-prettier";
import globals from "globals";

export default tseslint.config(
  {
    ignores: ["build/", "public/build/", ".cache/", ".e2e-run/", "test-results/", "playwright-report/", "reports/", "coverage/", ".stryker-tmp/", "data/"],
  },
  { linterOptions: { reportUnusedDisableDirectives: "error" } },

  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.node } },
    rules: {
      // Unused names are mistakes; a leading underscore says "unused on purpose" (a required parameter).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true }],
      // The app logs through app/services/error-log.server.ts; console output elsewhere in app/ is a
      // leftover. Command-line scripts, the server and test helpers print on purpose (block below).
      "no-console": "error",
      eqeqeq: ["error", "always", { null: "ignore" }],
      "prefer-const": "error",
    },
  },

  // React components: the browser's globals and accessibility of what they render.
  {
    files: ["app/**/*.tsx"],
    ...react.configs.flat.recommended,
    plugins: { react, "jsx-a11y": jsxA11y },
    languageOptions: {
      ...react.configs.flat.recommended.languageOptions,
      globals: { ...globals.browser, ...globals.node },
    },
    settings: { react: { version: "18.3" } },
    rules: {
      ...react.configs.flat.recommended.rules,
      ...react.configs.flat["jsx-runtime"].rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      // TypeScript checks props; this rule only knows PropTypes.
      "react/prop-types": "off",
    },
  },
  // Hooks live in .tsx components and in .ts helpers (app/i18n/use-t.ts).
  {
    files: ["app/**/*.ts", "app/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },

  // A migration must not depend on today's db/schema.ts (it describes the database after the last
  // migration), so it takes an untyped Kysely<any>, as kysely's documentation does; so do the
  // tools that copy whatever tables the catalogue lists (db/copy.ts).
  { files: ["db/migrations/**", "db/portable.ts", "db/catalog.ts", "db/copy.ts"], rules: { "@typescript-eslint/no-explicit-any": "off" } },
  // Playwright reads a fixture's dependencies from its first parameter, which must be a destructuring
  // pattern, so a fixture that needs none is written `async ({}, use) => …`.
  { files: ["tests/e2e/**"], rules: { "no-empty-pattern": "off" } },

  // Programs that talk to a person on a terminal or write the server's own log lines.
  {
    files: ["server.js", "scripts/**", "bench/**", "db/**", "tests/**", "app/services/error-log.server.ts", "app/services/mail.server.ts"],
    rules: { "no-console": "off" },
  },

  prettier,
);
