/**
 * Start-up housekeeping of stored credentials (issue 12, finding 1): the signing secret an earlier version
 * kept in `settings` is deleted, and TOTP secrets still in plain text (or under a key that is no longer the
 * current one) are encrypted under the current data key. Idempotent; cheap when there is nothing to do.
 */
import type { Db } from '@/db/client';
import { deleteForbiddenSettings } from '@/db/queries/settings';
import { listStoredTotpSecrets, replaceTotpSecret } from '@/db/queries/users';
import { needsReseal, openSecret, sealSecret } from '@/lib/auth/data-key';

export async function secureStoredCredentials(
  db: Db,
): Promise<{ deletedSettings: number; resealedTotpSecrets: number; unreadableTotpSecrets: number }> {
  const deletedSettings = await deleteForbiddenSettings(db);
  let resealedTotpSecrets = 0;
  let unreadableTotpSecrets = 0;
  for (const row of await listStoredTotpSecrets(db)) {
    if (!(await needsReseal(row.totpSecret))) continue;
    let plain: string;
    try {
      plain = await openSecret(row.totpSecret);
    } catch {
      unreadableTotpSecrets += 1; // encrypted under a key this environment does not have: left as it is
      continue;
    }
    await replaceTotpSecret(db, row.id, row.totpSecret, await sealSecret(plain));
    resealedTotpSecrets += 1;
  }
  return { deletedSettings, resealedTotpSecrets, unreadableTotpSecrets };
}
