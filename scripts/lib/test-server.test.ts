import { describe, expect, it } from 'vitest';
import { serverNodeOptions } from './test-server';

describe('serverNodeOptions', () => {
  it('reads the V8 options npm start gives the server (the harnesses start it the same way)', () => {
    expect(serverNodeOptions()).toMatch(/^--max-old-space-size=\d+$/);
    const packageJson = (start: string) => JSON.stringify({ scripts: { start } });
    expect(serverNodeOptions(packageJson('NODE_OPTIONS="--max-old-space-size=300 $NODE_OPTIONS" next start'))).toBe('--max-old-space-size=300');
    expect(() => serverNodeOptions(packageJson('next start'))).toThrow('sets no NODE_OPTIONS');
  });
});
