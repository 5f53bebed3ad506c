import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const PDF_MEDIA_TYPE = 'application/pdf';

/** LibreOffice is not installed here (or `SOFFICE` points nowhere): PDFs cannot be made. */
export class PdfConverterUnavailableError extends Error {
  readonly code = 'PDF_CONVERTER_UNAVAILABLE';
  constructor() {
    super('Máy chủ chưa cài LibreOffice nên chưa chuyển được văn bản sang PDF.');
    this.name = 'PdfConverterUnavailableError';
  }
}

/** Converts .docx files to PDF, several at once (one LibreOffice start for all of them). */
export interface PdfConverter {
  readonly available: boolean;
  toPdf(docxFiles: readonly Buffer[]): Promise<Buffer[]>;
}

/** `SOFFICE` if set, else `soffice` or `libreoffice` on the PATH. */
export function findLibreOffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.SOFFICE) return existsSync(env.SOFFICE) ? env.SOFFICE : undefined;
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of ['soffice', 'libreoffice']) {
      if (existsSync(join(dir, name))) return join(dir, name);
    }
  }
  return undefined;
}

const CONVERSION_TIMEOUT_MS = 120_000;

/**
 * LibreOffice headless (`soffice --headless --convert-to pdf`). Conversions run one after another, with a profile
 * of their own (a second soffice on the same profile would hand its work to the first and exit), kept between
 * conversions so that only the first one pays for creating it.
 */
export class LibreOfficePdfConverter implements PdfConverter {
  private queue: Promise<unknown> = Promise.resolve();
  private profile: Promise<string> | undefined;

  constructor(private readonly soffice: string | undefined = findLibreOffice()) {}

  get available(): boolean {
    return this.soffice !== undefined;
  }

  toPdf(docxFiles: readonly Buffer[]): Promise<Buffer[]> {
    const result = this.queue.then(() => this.convert(docxFiles));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async convert(docxFiles: readonly Buffer[]): Promise<Buffer[]> {
    const soffice = this.soffice;
    if (!soffice) throw new PdfConverterUnavailableError();
    if (docxFiles.length === 0) return [];
    this.profile ??= mkdtemp(join(tmpdir(), 'soffice-profile-'));
    const profile = await this.profile;
    const dir = await mkdtemp(join(tmpdir(), 'docx-pdf-'));
    try {
      const inputs = docxFiles.map((_, index) => join(dir, `${index}.docx`));
      await Promise.all(inputs.map((path, index) => writeFile(path, docxFiles[index] as Buffer)));
      const out = join(dir, 'pdf');
      await mkdir(out);
      await run(soffice, [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--nologo',
        '--convert-to',
        'pdf:writer_pdf_Export',
        '--outdir',
        out,
        ...inputs,
      ]);
      return await Promise.all(
        inputs.map((_, index) =>
          readFile(join(out, `${index}.pdf`)).catch(() => {
            throw new Error(`LibreOffice did not convert document ${index + 1} of ${inputs.length} to PDF`);
          }),
        ),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: CONVERSION_TIMEOUT_MS }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`${command} failed: ${error.message} ${stderr}`.trim()));
      else resolve();
    });
  });
}

/** The process's one converter: conversions are queued, so concurrent downloads never start two soffice. */
export const libreOfficePdf: PdfConverter = new LibreOfficePdfConverter();
