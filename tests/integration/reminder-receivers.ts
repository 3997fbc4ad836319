/**
 * Local receivers for the reminder tests, on loopback: an SMTP server (the `smtp-server` package: AUTH required,
 * no STARTTLS) and an HTTP webhook. Each records every delivery as it arrived and the logical messages, i.e. the
 * deliveries deduplicated by their idempotency key (Message-ID for e-mail, the Idempotency-Key header for the
 * webhook) — what a receiver that honours the key would show.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface MailDelivery {
  from: string;
  to: string[];
  messageId: string;
  idempotencyKey: string;
  raw: string;
}

function headerOf(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const match = new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfolded);
  return match?.[1]?.trim() ?? '';
}

/** A receiver's record: every delivery as it arrived, and the logical ones (the first per `key`). */
function deliveryLog<T>(key: (delivery: T) => string) {
  const deliveries: T[] = [];
  return {
    deliveries,
    /** One per key: what a receiver that drops duplicates shows. */
    logical(): T[] {
      const seen = new Map<string, T>();
      for (const d of deliveries) if (!seen.has(key(d))) seen.set(key(d), d);
      return [...seen.values()];
    },
    clear() {
      deliveries.length = 0;
    },
  };
}

export async function startSmtpReceiver(credentials: { user: string; pass: string }) {
  const log = deliveryLog<MailDelivery>((d) => d.messageId);
  const server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === credentials.user && auth.password === credentials.pass)
        callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        log.deliveries.push({
          from,
          to: session.envelope.rcptTo.map((r) => r.address),
          messageId: headerOf(raw, 'Message-ID'),
          idempotencyKey: headerOf(raw, 'X-Zhuashou-Idempotency-Key'),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    ...log,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface WebhookDelivery {
  idempotencyKey: string;
  body: { msgtype: string; text: { content: string }; idempotencyKey: string; kind: string; recipient: string };
}

export async function startWebhookReceiver() {
  const log = deliveryLog<WebhookDelivery>((d) => d.idempotencyKey);
  const state = { failWith: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (state.failWith) {
        res.writeHead(state.failWith, { 'content-type': 'application/json' }).end('{"errcode":500,"errmsg":"busy"}');
        return;
      }
      log.deliveries.push({
        idempotencyKey: String(req.headers['idempotency-key'] ?? ''),
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as WebhookDelivery['body'],
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}/cgi-bin/webhook/send?key=bot-token-123`,
    ...log,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
