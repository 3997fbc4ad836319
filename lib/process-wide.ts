/**
 * One value per process, shared by every bundle that carries a copy of the calling module. The server's bundles (the
 * routes, the instrumentation that serves the shared overview, the proxy) each load their own copy of a module, so a
 * module-level value would exist once per bundle; kept on globalThis under `Symbol.for(name)`, it exists once. The
 * first caller's `create` makes it; later callers, from any bundle, get that same value.
 */
export function processWide<T>(name: string, create: () => T): T {
  const holder = globalThis as unknown as Record<symbol, T | undefined>;
  return (holder[Symbol.for(name)] ??= create());
}
