/**
 * What a backend answers a `COPY … TO STDOUT` sent as a simple query, read from the raw wire-protocol bytes: the
 * CopyData messages' payloads (COPY's text, one line per message) laid end to end. PGlite has no COPY to the client
 * in its query API, but runs one on its raw protocol (./copy.ts). Pure, so that it is tested without a database.
 */

/** The messages a COPY's answer holds. Others (CopyOutResponse, CopyDone, CommandComplete, notices, ReadyForQuery) carry nothing for us. */
const COPY_DATA = 0x64; // 'd'
const ERROR_RESPONSE = 0x45; // 'E'
/** In an ErrorResponse, the fields worth naming: the message and SQLSTATE. */
const FIELD_MESSAGE = 0x4d; // 'M'
const FIELD_CODE = 0x43; // 'C'

/** A COPY refused or failed in the backend: its ErrorResponse's message and SQLSTATE. */
export class CopyFailedError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'CopyFailedError';
  }
}

function errorFields(bytes: Uint8Array, start: number, end: number): CopyFailedError {
  const fields = new Map<number, string>();
  const decoder = new TextDecoder();
  let at = start;
  while (at < end && bytes[at] !== 0) {
    const type = bytes[at] as number;
    const close = bytes.indexOf(0, at + 1);
    if (close < 0 || close >= end) break;
    fields.set(type, decoder.decode(bytes.subarray(at + 1, close)));
    at = close + 1;
  }
  return new CopyFailedError(`COPY failed: ${fields.get(FIELD_MESSAGE) ?? 'unknown error'}`, fields.get(FIELD_CODE));
}

/**
 * The COPY text in `answer` (whole messages, as the backend wrote them): the payloads of its CopyData messages,
 * moved to the front of the same buffer (each lies after where it goes, so nothing is overwritten before it is
 * read) and returned as a view of it. Throws the backend's error if it sent one; throws if a message is cut short.
 */
export function takeCopyData(answer: Uint8Array): Uint8Array {
  const view = new DataView(answer.buffer, answer.byteOffset, answer.byteLength);
  let read = 0;
  let written = 0;
  while (read < answer.length) {
    if (read + 5 > answer.length) throw new Error('COPY answer ends inside a message header');
    const type = answer[read] as number;
    const length = view.getInt32(read + 1); // counts itself, not the type byte
    const start = read + 5;
    const end = read + 1 + length;
    if (length < 4 || end > answer.length) throw new Error('COPY answer ends inside a message');
    if (type === COPY_DATA) {
      answer.copyWithin(written, start, end);
      written += end - start;
    } else if (type === ERROR_RESPONSE) throw errorFields(answer, start, end);
    read = end;
  }
  return answer.subarray(0, written);
}
