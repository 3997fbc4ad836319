/**
 * The embedded database in the server's own memory: PGlite allocates and touches shared_buffers when it opens, so
 * the app sets it (PGLITE_SHARED_BUFFERS, default 32MB) instead of PostgreSQL's 128MB; and its WebAssembly is
 * compiled by V8's baseline compiler only (PGLITE_WASM_FLAGS), whose background recompiles kept tens of MB.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import { openDatabase, PGLITE_WASM_FLAGS, preparePglite, queryRows, sql } from '@/db/client';

const setFlagsFromString = vi.hoisted(() => vi.fn());
vi.mock('node:v8', async (importOriginal) => ({
  ...(await importOriginal<typeof import('node:v8')>()),
  setFlagsFromString,
}));

async function sharedBuffersOf(sharedBuffers?: string): Promise<string> {
  const handle = await openDatabase({ dir: 'memory://', migrate: false, sharedBuffers });
  try {
    const [row] = await queryRows<{ shared_buffers: string }>(handle.db, sql`show shared_buffers`);
    return row?.shared_buffers ?? '';
  } finally {
    await handle.close();
  }
}

describe('PGlite buffer pool', () => {
  it('is 32MB unless configured', async () => {
    expect(await sharedBuffersOf()).toBe('32MB');
  });

  it('takes the configured size', async () => {
    expect(await sharedBuffersOf('16MB')).toBe('16MB');
  });

  it('refuses a size PostgreSQL cannot read, naming the variable', () => {
    expect(() => preparePglite('lots')).toThrow(/PGLITE_SHARED_BUFFERS「lots」无效/);
    expect(() => preparePglite('32')).toThrow(/应为数字加单位/);
  });

  it('compiles its WebAssembly with the baseline compiler only: the flag set once per process, before PGlite opens', async () => {
    await sharedBuffersOf();
    await sharedBuffersOf('16MB');
    expect(setFlagsFromString).toHaveBeenCalledTimes(1);
    expect(setFlagsFromString).toHaveBeenCalledWith(PGLITE_WASM_FLAGS);
  });

  it('names flags this Node knows: an unknown one is refused at start (setFlagsFromString would ignore it)', () => {
    expect(() =>
      execFileSync(process.execPath, [...PGLITE_WASM_FLAGS.split(' '), '-e', '0'], { stdio: 'pipe' }),
    ).not.toThrow();
    expect(() => execFileSync(process.execPath, ['--liftoff-onlyy', '-e', '0'], { stdio: 'pipe' })).toThrow(
      /bad option/,
    );
  });
});
