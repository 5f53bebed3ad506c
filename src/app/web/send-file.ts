import type { Response } from 'express';
import { AppError } from '../../lib/errors.js';

export interface SendFileOptions {
  root: string;
  cacheControl: string;
}

/** Sends one file below `root`; a missing file is a 404 problem, any other failure is thrown as it is. */
export function sendFile(res: Response, file: string, options: SendFileOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    res.sendFile(
      file,
      {
        root: options.root,
        dotfiles: 'deny',
        cacheControl: false,
        lastModified: true,
        etag: true,
        headers: { 'cache-control': options.cacheControl },
      },
      (error?: Error & { code?: string; status?: number }) => {
        if (!error) return resolve();
        if (error.code === 'ENOENT' || error.status === 404)
          return reject(new AppError(404, 'not_found', 'Không tìm thấy địa chỉ được yêu cầu.'));
        reject(error);
      },
    );
  });
}
