// GET /api/admin/settings?year= — tolerances, entry due day (with their version) and the periods closed in the year; PUT — save the settings.
import { optionalInt, withActor } from '@/lib/server-http/handler';
import { readJsonObject } from '@/lib/server-http/json-body';
import { currentPeriod } from '@/lib/domain/period';
import { getSettingsView, updateReportingSettings } from '@/lib/services/admin/settings';

export const dynamic = 'force-dynamic';

export const GET = withActor(async ({ req, actor }) =>
  getSettingsView(actor, { year: optionalInt(req, 'year', '年份') ?? currentPeriod(new Date()).year }),
);

export const PUT = withActor(async ({ req, actor }) => updateReportingSettings(actor, await readJsonObject(req)));
