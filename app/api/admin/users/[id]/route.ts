// PATCH /api/admin/users/[id] — change name, role or department. POST { action: disable|enable|reset|unlock|disable-totp } (in the body: a query string is not a place for writes).
import { z } from 'zod';
import { requirePermission } from '@/lib/auth/require-permission';
import { withActor } from '@/lib/server-http/handler';
import { pathId, readJsonObject } from '@/lib/server-http/json-body';
import { disableTotp } from '@/lib/services/account/account';
import { resetPassword, setUserDisabled, toUserListItem, unlockUser, updateUser } from '@/lib/services/admin/users';
import { parseOrThrow } from '@/lib/validation/parse';

export const dynamic = 'force-dynamic';

type Params = { id: string };

export const PATCH = withActor<Params>(async ({ req, actor, params }) =>
  toUserListItem(await updateUser(actor, pathId(params.id), await readJsonObject(req))),
);

const actionSchema = z.strictObject({
  action: z.enum(['disable', 'enable', 'reset', 'unlock', 'disable-totp'], {
    error: '「操作」应为以下之一：disable、enable、reset、unlock、disable-totp',
  }),
});

/** reset answers { password } (the one-time password, shown once); the others { ok: true }. */
export const POST = withActor<Params>(async ({ req, actor, params }) => {
  requirePermission(actor, 'user.manage');
  const { action } = parseOrThrow(actionSchema, await readJsonObject(req));
  const id = pathId(params.id);
  switch (action) {
    case 'disable':
    case 'enable':
      await setUserDisabled(actor, id, action === 'disable');
      return { ok: true };
    case 'reset':
      return resetPassword(actor, id);
    case 'unlock':
      await unlockUser(actor, id);
      return { ok: true };
    case 'disable-totp':
      await disableTotp(actor, id);
      return { ok: true };
  }
});
