// GET /api/review — the 十四五 five-year review: each figure of 2025 against its 2020 baseline, by the report's groups.
import { withActor } from '@/lib/server-http/handler';
import { getReview } from '@/lib/services/dashboards/review';

export const dynamic = 'force-dynamic';

export const GET = withActor(async ({ actor }) => getReview(actor));
