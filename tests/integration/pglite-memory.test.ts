/**
 * The embedded database's buffer pool: PGlite allocates and touches shared_buffers in the server's own memory when
 * it opens, so the app sets it (PGLITE_SHARED_BUFFERS, default 32MB) instead of PostgreSQL's 128MB.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase, pgliteOptions, queryRows, sql } from '@/db/client';

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
    expect(() => pgliteOptions('lots')).toThrow(/PGLITE_SHARED_BUFFERS「lots」无效/);
    expect(() => pgliteOptions('32')).toThrow(/应为数字加单位/);
  });
});
