// POST /api/account/password — the signed-in user changes their own password ({ currentPassword, newPassword });
// every other session of theirs ends, this one is re-issued with the new session version.
import { withAccountActor } from '@/lib/server-http/account-handler';
import { readJsonObject } from '@/lib/server-http/json-body';
import { reissueSessionVersion } from '@/lib/auth/session-cookie';
import { changeOwnPassword } from '@/lib/services/account/account';

export const dynamic = 'force-dynamic';

export const POST = withAccountActor(async ({ req, actor }) => {
  const { sessionVersion } = await changeOwnPassword(actor, await readJsonObject(req));
  await reissueSessionVersion(sessionVersion);
  return { ok: true };
});
