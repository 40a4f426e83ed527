// What `require('ledgersim')` (any entry) loads: ledgersim is ES modules only, and a CommonJS
// caller should learn that here rather than from a half-loaded package or a later type error.
throw new Error(
  'ledgersim is ESM only: use `import { ... } from \'ledgersim\'` in an ES module ("type": "module" or a .mjs/.mts file), ' +
    'or `await import(\'ledgersim\')` from CommonJS. In TypeScript use "module": "NodeNext" (or "moduleResolution": "Bundler").',
);
