// POST /api/account/sign-out — ends every session of the signed-in user (bumps the session version).
import { withAccountActor } from '@/lib/server-http/account-handler';
import { signOutEverywhere } from '@/lib/services/account/account';

export const dynamic = 'force-dynamic';

export const POST = withAccountActor(async ({ actor }) => {
  await signOutEverywhere(actor);
  return { ok: true };
});
