// Runs once when the server starts: migrate, seed, and print what a newcomer needs (demo accounts, URL).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startServer } = await import('./lib/services/start');
  await startServer();
}
