/**
 * Delivery channels of 催报提醒, pluggable: anything with `send(message)` that throws on failure.
 *
 * Exactly-once on the receiving side relies on the idempotency key. A message is claimed before it is sent and
 * marked sent after; a worker that dies between the two leaves it claimed, and after the lease expires it is sent
 * again with the SAME key. So a receiver sees at most one *distinct* message per key, and sees it exactly once if it
 * deduplicates by that key: e-mail carries it as the Message-ID (derived from the key, RFC 5322 — mail systems and
 * clients drop a second copy with the same Message-ID) and as X-Zhuashou-Idempotency-Key; the webhook sends it as
 * the `Idempotency-Key` header and `idempotencyKey` in the JSON body.
 */
import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { SmtpChannelConfig } from './settings';

export type ChannelName = 'email' | 'webhook';

export interface OutgoingMessage {
  idempotencyKey: string;
  kind: string;
  /** The e-mail address (email) or "webhook". */
  recipient: string;
  recipientName: string;
  subject: string;
  body: string;
}

export interface Channel {
  name: ChannelName;
  send(message: OutgoingMessage): Promise<void>;
  close?(): void;
}

const SEND_TIMEOUT_MS = 15_000;

/** `<sha256(key)…@reminders.zhuashou>`: the same key always gives the same Message-ID. */
export function messageIdFor(idempotencyKey: string): string {
  return `<${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40)}@reminders.zhuashou>`;
}

export function createEmailChannel(config: SmtpChannelConfig): Channel {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.username ? { user: config.username, pass: config.password } : undefined,
    connectionTimeout: SEND_TIMEOUT_MS,
    greetingTimeout: SEND_TIMEOUT_MS,
    socketTimeout: SEND_TIMEOUT_MS,
  });
  return {
    name: 'email',
    async send(message) {
      await transport.sendMail({
        from: config.from,
        to: { name: message.recipientName, address: message.recipient },
        subject: message.subject,
        text: message.body,
        messageId: messageIdFor(message.idempotencyKey),
        headers: { 'X-Zhuashou-Idempotency-Key': message.idempotencyKey },
      });
    },
    close() {
      transport.close();
    },
  };
}

/**
 * POST JSON in the text-message shape both 政务微信 (WeCom) and 钉钉 bots accept (`msgtype: text`), with the
 * key and the recipient beside it. A non-2xx answer, or a bot's `errcode` other than 0, is a failure.
 */
export function createWebhookChannel(config: { url: string }): Channel {
  return {
    name: 'webhook',
    async send(message) {
      const response = await fetch(config.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'idempotency-key': message.idempotencyKey },
        body: JSON.stringify({
          msgtype: 'text',
          text: { content: `${message.subject}\n${message.body}` },
          idempotencyKey: message.idempotencyKey,
          kind: message.kind,
          recipient: message.recipientName,
        }),
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
        redirect: 'error',
      });
      const text = await response.text().catch(() => '');
      if (!response.ok) throw new Error(`Webhook 返回 HTTP ${response.status}${text ? `：${text.slice(0, 200)}` : ''}`);
      let errcode: unknown;
      try {
        errcode = (JSON.parse(text) as { errcode?: unknown }).errcode;
      } catch {
        errcode = undefined;
      }
      if (errcode !== undefined && errcode !== 0) throw new Error(`Webhook 返回错误：${text.slice(0, 200)}`);
    },
  };
}
