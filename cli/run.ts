// Runs the CLI from the TypeScript sources (`npm run dev`, and the CLI's own tests).
import { main } from './main.js';

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
