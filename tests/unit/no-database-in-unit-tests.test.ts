/**
 * The unit gate stays pure: a test that opens a database (forEachEngine, openDatabase, a TEST_DATABASE_URL) is an
 * integration test and lives under tests/integration, where the integration project runs it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

const DATABASE_USE = /\b(forEachEngine|openDatabase|testDatabases)\b|TEST_DATABASE_URL/;

describe('the unit project', () => {
  it('holds no test that opens a database', () => {
    const files = execFileSync('git', ['ls-files', '*.test.ts'], { encoding: 'utf8' })
      .split('\n')
      .filter(
        (f) =>
          f &&
          !f.startsWith('tests/integration/') &&
          !f.startsWith('tests/reliability/') &&
          !f.startsWith('tests/cluster/') &&
          !f.startsWith('tests/release/'),
      )
      .filter((f) => f !== 'tests/unit/no-database-in-unit-tests.test.ts');
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((f) => fs.existsSync(f) && DATABASE_USE.test(fs.readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
