// Development entry point: `node --import tsx src/cli/run.ts <args>` (used by e2e tests and benches).
import { runMain } from './main.js';

await runMain(process.argv.slice(2));
