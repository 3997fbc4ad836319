/** A small city for the reminder tests: two departments, their officials and reviewers, an admin, a leader. */
import { afterAll, beforeAll } from 'vitest';
import type { Db } from '@/db/client';
import { actuals, departments, indicators, targets } from '@/db/schema';
import { SYSTEM_ACTOR, type Actor } from '@/lib/domain/actor';
import { updateUser } from '@/lib/services/admin/users';
import { actorFor } from './fixtures/actors';
import { startSmtpReceiver, startWebhookReceiver } from './reminder-receivers';

// The settings seal the channel secrets with the app's secret.
process.env.AUTH_SECRET ??= 'reminders-test-secret-0123456789abcdef0123';

export const SMTP_USER = 'cuiban';
export const SMTP_PASS = 'Smtp-S3cret-pw';

/** Noon in Shanghai on a local date. */
export const noon = (date: string) => new Date(`${date}T04:00:00Z`);

export interface ReminderWorld {
  admin: Actor;
  leader: Actor;
  offA1: Actor;
  offA2: Actor;
  offA3: Actor;
  revA: Actor;
  offB: Actor;
  revB: Actor;
}

/**
 * Department RA has two monthly indicators with 2026 targets and no November figure (one draft); RB has one whose
 * November figure is submitted. offA3 has no e-mail address. Every name is prefixed so that two suites can share
 * nothing by accident.
 */
export async function seedReminderWorld(db: Db, prefix: string): Promise<ReminderWorld> {
  const [deptA] = await db
    .insert(departments)
    .values({ code: `${prefix}ra`, name: `${prefix}甲局`, shortName: `${prefix}甲局` })
    .returning();
  const [deptB] = await db
    .insert(departments)
    .values({ code: `${prefix}rb`, name: `${prefix}乙局`, shortName: `${prefix}乙局` })
    .returning();
  if (!deptA || !deptB) throw new Error('departments not created');
  const indicator = async (code: string, departmentId: number) => {
    const [row] = await db
      .insert(indicators)
      .values({
        code: `${prefix}${code}`,
        name: `指标${code}`,
        unit: '亿元',
        kind: 'cumulative',
        frequency: 'monthly',
        departmentId,
      })
      .returning();
    if (!row) throw new Error('indicator not created');
    await db.insert(targets).values({ indicatorId: row.id, year: 2026, value: '100' });
    return row.id;
  };
  const a1 = await indicator('A1', deptA.id);
  await indicator('A2', deptA.id);
  const b1 = await indicator('B1', deptB.id);
  await db.insert(actuals).values([
    { indicatorId: a1, year: 2026, month: 11, value: '80', status: 'draft' },
    { indicatorId: b1, year: 2026, month: 11, value: '90', status: 'submitted' },
  ]);
  const world: ReminderWorld = {
    admin: await actorFor(db, `${prefix}admin`, 'admin'),
    leader: await actorFor(db, `${prefix}leader`, 'leader'),
    offA1: await actorFor(db, `${prefix}offa1`, 'official', `${prefix}ra`),
    offA2: await actorFor(db, `${prefix}offa2`, 'official', `${prefix}ra`),
    offA3: await actorFor(db, `${prefix}offa3`, 'official', `${prefix}ra`),
    revA: await actorFor(db, `${prefix}reva`, 'reviewer', `${prefix}ra`),
    offB: await actorFor(db, `${prefix}offb`, 'official', `${prefix}rb`),
    revB: await actorFor(db, `${prefix}revb`, 'reviewer', `${prefix}rb`),
  };
  // Addresses set as the security administrator sets them (the user form), audited as user.update.
  for (const [key, actor] of Object.entries(world)) {
    if (key === 'offA3' || actor.id === null) continue;
    await updateUser(SYSTEM_ACTOR, actor.id, { email: `${actor.username}@example.gov.cn` }, { db });
  }
  return world;
}

export function settingsInput(smtpPort: number, webhookUrl: string | null, version: string) {
  return {
    email: {
      host: '127.0.0.1',
      port: smtpPort,
      secure: false,
      username: SMTP_USER,
      password: SMTP_PASS,
      from: 'cuiban@example.gov.cn',
    },
    webhook: webhookUrl ? { url: webhookUrl } : null,
    beforeDays: [3, 1],
    reviewerAfterDays: 2,
    adminAfterDays: 5,
    version,
  };
}

type SmtpReceiver = Awaited<ReturnType<typeof startSmtpReceiver>>;
type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

/** A local SMTP server (with the fixtures' credentials) and a local webhook, started before the file's tests and closed after. */
export function reminderReceiversPerFile(): { readonly smtp: SmtpReceiver; readonly hook: WebhookReceiver } {
  let smtp: SmtpReceiver | undefined;
  let hook: WebhookReceiver | undefined;
  beforeAll(async () => {
    smtp = await startSmtpReceiver({ user: SMTP_USER, pass: SMTP_PASS });
    hook = await startWebhookReceiver();
  });
  afterAll(async () => {
    await smtp?.close();
    await hook?.close();
  });
  const started = <T>(receiver: T | undefined): T => {
    if (!receiver) throw new Error('the reminder receivers start in beforeAll');
    return receiver;
  };
  return {
    get smtp() {
      return started(smtp);
    },
    get hook() {
      return started(hook);
    },
  };
}
