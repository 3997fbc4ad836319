// POST /api/account/mfa — start TOTP enrolment: { uri, qrSvg, secret }. PUT { code } — confirm: { recoveryCodes } (shown once).
import { withAccountActor } from '@/lib/server-http/account-handler';
import { readJsonObject } from '@/lib/server-http/json-body';
import { confirmTotpEnrollment, startTotpEnrollment } from '@/lib/services/account/account';

export const dynamic = 'force-dynamic';

export const POST = withAccountActor(async ({ actor }) => startTotpEnrollment(actor));

export const PUT = withAccountActor(async ({ req, actor }) => {
  const body = await readJsonObject(req);
  return confirmTotpEnrollment(actor, body.code);
});
