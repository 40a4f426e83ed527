/**
 * The built-in scenario modules, by their path under scenarios/ (`hub/disable-integration.scenario.ts`),
 * when a bundler put them in: `npm run build` (scripts/bundle.mjs) replaces this module with one
 * that imports every `*.scenario.ts` file, so the bundled CLI loads none of them one by one.
 * Here, from the sources or tsc's output, there are none: `loadScenarios` reads the folders.
 */
export const BUNDLED_SCENARIOS: Readonly<Record<string, unknown>> | undefined = undefined;
