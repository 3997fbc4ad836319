// GET /api/admin/reminders/settings — channels (without secrets) and thresholds; PUT — save them (audited).
import { withActor } from '@/lib/server-http/handler';
import { readJsonObject } from '@/lib/server-http/json-body';
import { getReminderSettingsView, updateReminderSettings } from '@/lib/services/reminders/settings';

export const dynamic = 'force-dynamic';

export const GET = withActor(async ({ actor }) => getReminderSettingsView(actor));

export const PUT = withActor(async ({ req, actor }) => updateReminderSettings(actor, await readJsonObject(req)));
