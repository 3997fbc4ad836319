/**
 * The server's V8 heap — its ceiling and its young generation — is set by each way the server starts — `npm start`,
 * the release's bin/zhuashou and the harness that starts it for tests and the benchmark — with one default, so that
 * what the benchmark measures is what an operator runs.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

const defaultIn = (file: string, pattern: RegExp): string | undefined =>
  pattern.exec(fs.readFileSync(file, 'utf8'))?.[1];

type Launchers = [string, string, RegExp][];

function sameEverywhere(setting: string, launchers: Launchers) {
  describe(setting, () => {
    it.each(launchers)('%s sets it', (_name, file, pattern) => {
      expect(defaultIn(file, pattern)).toMatch(/^\d+$/);
    });

    it('every launcher has the same default', () => {
      const defaults = new Set(launchers.map(([, file, pattern]) => defaultIn(file, pattern)));
      expect([...defaults]).toHaveLength(1);
    });
  });
}

sameEverywhere('the server heap ceiling (SERVER_HEAP_MB)', [
  ['npm start', 'package.json', /"start": ".*--max-old-space-size=\$\{SERVER_HEAP_MB:-(\d+)\}.*next start/],
  [
    'bin/zhuashou start',
    'scripts/release/zhuashou.sh',
    /--max-old-space-size="\$\{SERVER_HEAP_MB:-(\d+)\}" .*"\$ROOT\/server\.js"/,
  ],
  ['the test harness', 'scripts/lib/test-app.ts', /SERVER_HEAP_MB = Number\(process\.env\.SERVER_HEAP_MB \?\? (\d+)\)/],
]);

sameEverywhere("the young generation's semi-spaces", [
  ['npm start', 'package.json', /"start": ".*--max-semi-space-size=(\d+) .*next start/],
  [
    'bin/zhuashou start',
    'scripts/release/zhuashou.sh',
    /exec "\$NODE" .*--max-semi-space-size=(\d+) "\$ROOT\/server\.js"/,
  ],
  ['the test harness', 'scripts/lib/test-app.ts', /SERVER_SEMI_SPACE_MB = (\d+);/],
]);
