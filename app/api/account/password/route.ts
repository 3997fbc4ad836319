// POST /api/account/password — the signed-in user changes their own password ({ currentPassword, newPassword }).
import { withAccountActor } from '@/lib/http/account-handler';
import { readJsonObject } from '@/lib/http/json-body';
import { changeOwnPassword } from '@/lib/services/account';

export const dynamic = 'force-dynamic';

export const POST = withAccountActor(async ({ req, actor }) => {
  await changeOwnPassword(actor, await readJsonObject(req));
  return { ok: true };
});
