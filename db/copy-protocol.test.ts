/**
 * Reading a COPY's answer off the wire protocol (PGlite's raw protocol, ./copy.ts): the CopyData payloads end to end,
 * whatever else the backend sent around them; its error as an error; an answer cut short refused.
 */
import { describe, expect, it } from 'vitest';
import { CopyFailedError, takeCopyData } from './copy-protocol';

const encoder = new TextEncoder();

/** One backend message: its type, its length (counting itself) and its payload. */
function message(type: string, payload: Uint8Array | string = new Uint8Array()): Uint8Array {
  const body = typeof payload === 'string' ? encoder.encode(payload) : payload;
  const out = new Uint8Array(5 + body.length);
  out[0] = type.charCodeAt(0);
  new DataView(out.buffer).setInt32(1, 4 + body.length);
  out.set(body, 5);
  return out;
}

const join = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
// CopyOutResponse (text format, two columns), CommandComplete, ReadyForQuery: what surrounds the rows.
const copyOutResponse = message('H', new Uint8Array([0, 0, 2, 0, 0, 0, 0]));
const tail = [message('c'), message('C', 'COPY 2\0'), message('Z', 'I')];

describe('takeCopyData', () => {
  it('lays the rows end to end, in the buffer it was given, skipping every other message', () => {
    const answer = join(
      copyOutResponse,
      message('d', '1\t第一行\\n\n'),
      message('N', 'SNOTICE\0Mignored\0\0'),
      message('d', '2\t🚩\n'),
      ...tail,
    );
    const rows = takeCopyData(answer);
    expect(text(rows)).toBe('1\t第一行\\n\n2\t🚩\n');
    expect(rows.buffer).toBe(answer.buffer);
  });

  it('answers no bytes for no rows', () => {
    expect(takeCopyData(join(copyOutResponse, ...tail))).toHaveLength(0);
    expect(takeCopyData(new Uint8Array())).toHaveLength(0);
  });

  it("throws the backend's error, with its message and SQLSTATE", () => {
    const error = message('E', 'SERROR\0VERROR\0C22012\0Mdivision by zero\0\0');
    const thrown = (() => {
      try {
        takeCopyData(join(copyOutResponse, message('d', '1\n'), error, message('Z', 'I')));
      } catch (e) {
        return e;
      }
    })();
    expect(thrown).toBeInstanceOf(CopyFailedError);
    expect(thrown).toMatchObject({ message: 'COPY failed: division by zero', code: '22012' });
  });

  it('refuses an answer cut inside a header or inside a message', () => {
    const whole = join(copyOutResponse, message('d', '1\t2\n'), ...tail);
    const cutInData = copyOutResponse.length + 7;
    expect(() => takeCopyData(whole.slice(0, cutInData))).toThrow('ends inside a message');
    expect(() => takeCopyData(whole.slice(0, copyOutResponse.length + 3))).toThrow('inside a message header');
    const lengthTooSmall = message('d', 'x');
    new DataView(lengthTooSmall.buffer).setInt32(1, 2);
    expect(() => takeCopyData(lengthTooSmall)).toThrow('ends inside a message');
  });
});
