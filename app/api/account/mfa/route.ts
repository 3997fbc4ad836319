// POST /api/account/mfa — start TOTP enrolment: { uri, qrSvg, secret }. PUT { code } — confirm: { recoveryCodes } (shown once).
import { withAccountActor } from '@/lib/http/account-handler';
import { readJsonObject } from '@/lib/http/json-body';
import { confirmTotpEnrollment, startTotpEnrollment } from '@/lib/services/account';

export const dynamic = 'force-dynamic';

export const POST = withAccountActor(async ({ actor }) => startTotpEnrollment(actor));

export const PUT = withAccountActor(async ({ req, actor }) => {
  const body = await readJsonObject(req);
  return confirmTotpEnrollment(actor, body.code);
});
