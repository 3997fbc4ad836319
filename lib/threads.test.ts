import { afterEach, describe, expect, it, vi } from 'vitest';
import { threadExecArgv } from './threads';

describe('how a worker thread starts', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('loads the TypeScript source through tsx when its starter runs from source', () => {
    vi.stubEnv('NEXT_RUNTIME', '');
    expect(threadExecArgv('file:///srv/zhuashou/db/copy.ts')).toEqual(['--require', 'tsx/cjs']);
  });

  it('starts a bundled script as it is: the release’s commands', () => {
    vi.stubEnv('NEXT_RUNTIME', '');
    expect(threadExecArgv('file:///opt/zhuashou/cli/chunks/copy-AB12.mjs')).toBeUndefined();
  });

  it('in Next’s bundle, where import.meta.url still names the source, without tsx', () => {
    vi.stubEnv('NEXT_RUNTIME', 'nodejs');
    expect(threadExecArgv('file:///srv/zhuashou/db/copy.ts')).toBeUndefined();
  });
});
