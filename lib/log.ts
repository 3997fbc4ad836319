/**
 * The server's structured log: one JSON object a line on standard output (pino), for the journal or a log
 * collector. `LOG_LEVEL` sets the threshold (default info; silent in the test runner's own process, NODE_ENV=test —
 * a server a test starts runs as production and logs).
 */
import { serverEnv } from '@/lib/env';
import pino from 'pino';

export const log = pino({
  level: serverEnv().logLevel,
  base: { service: 'zhuashou', pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
});
