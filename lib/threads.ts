/**
 * How the server's worker threads start (the audit walks' window threads, lib/services/audit/window-threads.ts; the
 * thread reading PostgreSQL's COPY, db/copy.ts): each as
 *   new Worker(new URL('./<thread>.ts', import.meta.url), { …, execArgv: threadExecArgv(import.meta.url) })
 * written out so at its call site, options as an object literal: that form is what Next's bundler (Turbopack) bundles
 * into a script of its own — a `new URL` apart from the `new Worker`, or options it cannot read, and it copies the
 * source file as an asset instead — and what the release's command bundle rewrites (scripts/release.ts).
 */

/**
 * A starter that runs from its TypeScript source (tsx, the test runner) starts the thread's source, loaded through
 * tsx's require hook (its ESM hooks do not reach a worker on Node 20). In Next's bundle (NEXT_RUNTIME is set) the
 * thread is a bundled script although `import.meta.url` still names the source; the release's commands have
 * their own .mjs.
 */
export function threadExecArgv(starterUrl: string): string[] | undefined {
  if (process.env.NEXT_RUNTIME) return undefined;
  return new URL(starterUrl).pathname.endsWith('.ts') ? ['--require', 'tsx/cjs'] : undefined;
}
