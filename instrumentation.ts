// Runs once when the server starts: expose the socket's peer address to handlers, hand the proxy the overview's shared
// rendering (lib/server-http/overview-cache.ts), stop cleanly on SIGTERM, migrate, seed, and print what a newcomer needs
// (demo accounts, URL).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { installPeerAddressHook } = await import('./lib/server-http/peer-address-hook');
  installPeerAddressHook();
  const { installSharedOverview } = await import('./lib/server-http/overview-cache');
  installSharedOverview();
  const { installGracefulShutdown } = await import('./lib/services/platform/shutdown');
  installGracefulShutdown();
  const { startServer } = await import('./lib/services/platform/start');
  await startServer();
}
