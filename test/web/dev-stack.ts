/** Starts the browser tests' stack and keeps it running (for looking at the built app by hand): prints its address. */
import { startStack } from './stack';

startStack({ keepDatabase: false, verbose: process.argv.includes('--verbose') }).then(
  (stack) => {
    console.log(`Masar for the browser tests: ${stack.baseUrl}  (Ctrl+C to stop)`);
    const stop = () => void stack.stop().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  },
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
