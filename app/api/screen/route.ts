// GET /api/screen — the cockpit (驾驶舱): headline tiles, the seven areas, the red and overdue lists at the latest period.
import { withActor } from '@/lib/server-http/handler';
import { getScreen } from '@/lib/services/dashboards/screen';

export const dynamic = 'force-dynamic';

export const GET = withActor(async ({ actor }) => getScreen(actor));
