// Runs the local stack as its own process so a test can kill it the hard way (SIGKILL),
// as a crash or a closed laptop would, and start it again on the same data.
// Usage: tsx tests/stack/stack-process.ts <dataDir> <apiPort> <dbPort>
import { startStack } from '../../supabase/local/stack';

const [dataDir, apiPort, dbPort] = process.argv.slice(2);
const stack = await startStack({
  dataDir: dataDir!,
  apiPort: Number(apiPort),
  dbPort: Number(dbPort),
  log: () => {},
});
process.stdout.write(`${JSON.stringify({ apiUrl: stack.apiUrl, anonKey: stack.anonKey, serviceRoleKey: stack.serviceRoleKey })}\n`);
process.on('SIGTERM', () => void stack.stop().then(() => process.exit(0)));
