/**
 * A worker thread of the chain verification (./chain-workers.ts): it takes one window of the audit log (the
 * walk's JSON text, or COPY text on PostgreSQL), recomputes every event's hash and checks the links inside the window, and answers with the
 * window's verdict. Imports stay relative and free of the database layer: the thread loads only what it runs.
 */
import { parentPort } from 'node:worker_threads';
import { parseCopyAuditRows, parsePackedAuditRows } from '../../../db/queries/audit-packed';
import { verifyBatch } from '../../domain/audit-verify';

const port = parentPort;
if (!port) throw new Error('chain-worker.ts runs as a worker thread');
port.on('message', (window: string | Uint8Array) => {
  port.postMessage(verifyBatch(typeof window === 'string' ? parsePackedAuditRows(window) : parseCopyAuditRows(window)));
});
