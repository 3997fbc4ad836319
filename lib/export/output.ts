/**
 * The byte stream of one export: hashes (SHA-256) and counts every byte as it is written, holds at most
 * ~one buffer ahead of the reader (writers await `write`, so a slow client slows the database reads instead
 * of filling memory), and is ended by its owner only once the file is complete and recorded — or failed,
 * so that the reader never sees a truncated file end as if it were complete.
 */
import { createHash } from 'node:crypto';
import { PassThrough, Writable } from 'node:stream';

const BUFFER_BYTES = 256 * 1024;

/** The reader went away (download cancelled, connection closed). */
export class ExportCancelledError extends Error {
  constructor() {
    super('export cancelled by the reader');
    this.name = 'ExportCancelledError';
  }
}

export class ExportOutput {
  private readonly hash = createHash('sha256');
  private readonly out = new PassThrough({ highWaterMark: BUFFER_BYTES });
  private byteCount = 0;
  private isFinished = false;

  constructor() {
    // Errors reach the reader through toWebStream; without a reader they must not crash the process. Nor may
    // a cancelled reader: the piping writer (exceljs's zip) then sees its destination fail, which is expected.
    this.out.on('error', () => {});
    this.writable.on('error', () => {});
  }

  /** For writers that pipe (exceljs): same hashing and pacing; ending it does not end the export. */
  readonly writable = new Writable({
    highWaterMark: BUFFER_BYTES,
    write: (chunk: Buffer, _encoding, done) => {
      this.write(chunk).then(() => done(), done);
    },
    final: (done) => done(),
  });

  get bytes(): number {
    return this.byteCount;
  }

  get isClosed(): boolean {
    return this.out.destroyed;
  }

  /** Writes a chunk; resolves once the reader has room for more, rejects when the reader went away. */
  async write(chunk: string | Uint8Array): Promise<void> {
    if (this.out.destroyed) throw new ExportCancelledError();
    const buffer =
      typeof chunk === 'string'
        ? Buffer.from(chunk, 'utf8')
        : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.hash.update(buffer);
    this.byteCount += buffer.byteLength;
    if (!this.out.write(buffer)) await this.drained();
  }

  /** Resolves when the reader has caught up (used to pace writers whose own writes do not wait). */
  drained(): Promise<void> {
    if (this.out.destroyed) return Promise.reject(new ExportCancelledError());
    if (!this.out.writableNeedDrain) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onDrain = () => {
        this.out.off('close', onClose);
        resolve();
      };
      const onClose = () => {
        this.out.off('drain', onDrain);
        reject(new ExportCancelledError());
      };
      this.out.once('drain', onDrain);
      this.out.once('close', onClose);
    });
  }

  /** Hex SHA-256 of every byte written so far (call once, when the file is complete). */
  digest(): string {
    return this.hash.digest('hex');
  }

  /** The file is complete and recorded: let the reader see its end. */
  end(): void {
    this.isFinished = true;
    this.out.end();
  }

  /** Something failed midway: the reader's stream errors, so the download fails instead of looking complete. */
  fail(error: Error): void {
    if (!this.isFinished) this.out.destroy(error);
  }

  /** A web ReadableStream of the bytes, for a Response body; cancelling it stops the writer. */
  toWebStream(): ReadableStream<Uint8Array> {
    const out = this.out;
    return new ReadableStream<Uint8Array>(
      {
        start(controller) {
          out.on('data', (chunk: Buffer) => {
            controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
            if ((controller.desiredSize ?? 0) <= 0) out.pause();
          });
          out.once('end', () => controller.close());
          out.once('error', (error) => controller.error(error));
          out.pause();
        },
        pull() {
          out.resume();
        },
        cancel() {
          out.destroy();
        },
      },
      // Counted in bytes: at most ~1 MB waits in the web stream, whatever the size of the chunks.
      { highWaterMark: 1024 * 1024, size: (chunk) => chunk.byteLength },
    );
  }
}
