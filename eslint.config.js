// Type-aware linting for the two promise mistakes that lose failures silently:
// a promise nobody awaits or catches, and an async function handed to a caller
// (a JSX handler, a listener) that ignores what it returns.
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [".output/**", ".wxt/**", "node_modules/**", "tests/**", "bench/**", "scripts/**", "supabase/**"],
  },
  {
    files: ["utils/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "entrypoints/**/*.{ts,tsx}"],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    // Files keep disable comments for rules this config does not run (yet).
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
    },
  },
);
