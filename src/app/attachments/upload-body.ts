import type { Request, Response } from 'express';
import { fileTooLarge } from './attachment.errors.js';

/**
 * Reads a raw request body of at most `maxBytes`. A declared length over the limit is refused before anything is
 * read; a body that grows over it (no or a false Content-Length) is refused as soon as it does, and what was read is
 * dropped: nothing is stored until the whole file is here and checked. The rest of an oversized body is discarded,
 * not buffered, and the connection is closed after the answer (413) so a client cannot keep sending.
 */
export function readBody(req: Request, res: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.setHeader('Connection', 'close');
    return Promise.reject(fileTooLarge(maxBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      stop();
      chunks.length = 0;
      res.setHeader('Connection', 'close');
      req.resume();
      reject(fileTooLarge(maxBytes));
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    // A client gone before the end (an interrupted upload): nothing was stored, nothing will be.
    const onClose = () => onError(new Error('the upload was interrupted'));
    const stop = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}
