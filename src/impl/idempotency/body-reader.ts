/**
 * Reading a request body with a size limit. A declared Content-Length over
 * the limit is refused before a byte is read; a chunked body is counted as
 * it arrives and refused as soon as it passes the limit, so a huge upload
 * never sits in memory.
 */
import type { IncomingMessage } from 'node:http';

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`request body larger than ${maxBytes} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** Whether the declared length already exceeds the limit. */
export function declaresTooLarge(req: IncomingMessage, maxBytes: number): boolean {
  const declared = req.headers['content-length'];
  return declared !== undefined && Number(declared) > maxBytes;
}

export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  if (declaresTooLarge(req, maxBytes)) throw new BodyTooLargeError(maxBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new BodyTooLargeError(maxBytes);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
