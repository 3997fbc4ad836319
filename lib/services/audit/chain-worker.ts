/**
 * A worker thread of the chain verification (./chain-workers.ts): it takes one window of the audit log as the
 * walk's JSON text, recomputes every event's hash and checks the links inside the window, and answers with the
 * window's verdict. Imports stay relative and free of the database layer: the thread loads only what it runs.
 */
import { parentPort } from 'node:worker_threads';
import { parsePackedAuditRows } from '../../../db/queries/audit-packed';
import { verifyBatch } from '../../domain/audit-verify';

const port = parentPort;
if (!port) throw new Error('chain-worker.ts runs as a worker thread');
port.on('message', (text: string) => {
  port.postMessage(verifyBatch(parsePackedAuditRows(text)));
});
