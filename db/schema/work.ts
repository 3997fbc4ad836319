/** Background work and generated documents: the reminder outbox, worker leases, bulletins (通报) and their files. */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, refersTo, bytea } from './columns';
import { users } from './organisation';

export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * 催报提醒 outbox: one row per message and channel. `idempotency_key` is unique, so planning the same reminder
 * twice enqueues nothing the second time. A worker claims a row (status sending, a lease until `lease_until`, a
 * fresh claim token) in one transaction before sending and marks it sent after; a row left `sending` by a worker
 * that died is claimed again once the lease has expired and sent with the SAME key (SMTP Message-ID, webhook
 * header), so that a receiver deduplicating by that key sees one message.
 */
export const reminderOutbox = pgTable(
  'reminder_outbox',
  {
    id: serial('id').primaryKey(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    channel: text('channel').notNull(),
    kind: text('kind').notNull(),
    year: smallint('year').notNull(),
    month: smallint('month').notNull(),
    recipientUserId: integer('recipient_user_id').references(() => users.id),
    recipientName: text('recipient_name').notNull(),
    /** The e-mail address, or "webhook" (the URL is read from the settings when sending). */
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    status: text('status').$type<OutboxStatus>().notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    claimToken: text('claim_token'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('reminder_outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('reminder_outbox_created_idx').on(t.createdAt, t.id),
    check('reminder_outbox_status', sql`${t.status} in ('queued', 'sending', 'sent', 'failed')`),
    check('reminder_outbox_channel', sql`${t.channel} in ('email', 'webhook')`),
  ],
);

/** Named leases for work that one instance at a time does (the reminder worker): taken when expired or already held. */
export const workerLeases = pgTable('worker_leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/** A generated monthly 通报 (bulletin): the period, who made it and when. Its files are `bulletin_files`. */
export const bulletins = pgTable(
  'bulletins',
  {
    id: serial('id').primaryKey(),
    year: smallint('year').notNull(),
    month: smallint('month').notNull(),
    /** The user's id and name as the audit log keeps them (no foreign key: the record outlives the account). */
    createdBy: integer('created_by'),
    createdByUsername: text('created_by_username').notNull(),
    /** Made from sample data (示例数据): shown so in the list. */
    isSample: boolean('is_sample').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index('bulletins_created_idx').on(t.createdAt),
    check('bulletins_month_ck', sql`${t.month} between 1 and 12`),
  ],
);

/**
 * The bytes of each generated file, kept as issued: a download serves these bytes (never a regeneration), so the
 * SHA-256 recorded here and in the audit event matches what is downloaded.
 */
export const bulletinFiles = pgTable(
  'bulletin_files',
  {
    id: serial('id').primaryKey(),
    bulletinId: refersTo('bulletin_id', () => bulletins.id),
    format: text('format').$type<'docx' | 'pdf'>().notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('bulletin_files_bulletin_format_uq').on(t.bulletinId, t.format),
    check('bulletin_files_format_ck', sql`${t.format} in ('docx', 'pdf')`),
  ],
);
