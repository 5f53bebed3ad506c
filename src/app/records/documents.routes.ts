import { AppError, badRequest, notFound } from '../../lib/errors.js';
import { libreOfficePdf, PDF_MEDIA_TYPE, type PdfConverter } from '../documents/index.js';
import { SIGNED_IN } from '../http/permissions.js';
import { defineRoute, type RouteDefinition } from '../http/route.types.js';
import { documentVisibleTo, viewerOf } from './document-access.js';
import type { StoredDocument } from './records.store.js';

/** The candidate groups of a signed-in user (OrganisationDirectory.candidateGroupsOfUser). */
export type GroupsOfUser = (username: string) => Promise<string[]>;

/** What the download needs of the record store: the document, and its cached PDF. */
export interface DocumentSource {
  findDocument(id: string): Promise<StoredDocument | undefined>;
  findDocumentPdf(id: string): Promise<Buffer | undefined>;
  saveDocumentPdf(id: string, pdf: Buffer, generatedAt: Date): Promise<void>;
}

const FORMATS = ['docx', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

function formatOf(value: unknown): Format {
  if (value === undefined) return 'docx';
  if (FORMATS.includes(value as Format)) return value as Format;
  throw badRequest(
    'unsupported_format',
    'Định dạng tải về không được hỗ trợ: dùng format=docx hoặc format=pdf.',
  );
}

const pdfUnavailable = () =>
  new AppError(
    503,
    'pdf_unavailable',
    'Máy chủ chưa cài LibreOffice nên chưa chuyển được văn bản sang PDF. Vui lòng tải bản .docx hoặc báo quản trị hệ thống.',
  );

const attachment = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/**
 * Downloads a generated official document: the .docx, or with `?format=pdf` its PDF (LibreOffice, made on the first
 * request and cached with the document until it is regenerated); a restricted one only for its audience.
 */
export function documentRoutes(
  records: DocumentSource,
  groupsOfUser: GroupsOfUser,
  pdf: PdfConverter = libreOfficePdf,
): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/documents/:id',
      permission: SIGNED_IN,
      summary:
        'Download a generated official document (.docx, or ?format=pdf), for those who may see it (document-access.ts)',
      audit: {
        action: 'document.download',
        target: ({ req }) => String(req.params.id ?? ''),
        detail: ({ req }): Record<string, string> => ({ format: formatOf(req.query.format) }),
      },
      handler: async ({ req, res, principal }) => {
        const id = String(req.params.id ?? '');
        const format = formatOf(req.query.format);
        const document = await records.findDocument(id);
        // Not found and not allowed look the same, so the existence of a personnel file is not disclosed.
        if (!document || !principal) throw notFound('Không tìm thấy văn bản.');
        const viewer = viewerOf(principal, await groupsOfUser(principal.username));
        if (!documentVisibleTo(document, viewer)) throw notFound('Không tìm thấy văn bản.');
        res.setHeader('Cache-Control', 'private, no-store');
        if (format === 'docx') {
          res.setHeader('Content-Type', document.contentType);
          res.setHeader('Content-Disposition', attachment(document.tenTep));
          res.send(document.content);
          return;
        }
        let content = await records.findDocumentPdf(id);
        if (!content) {
          if (!pdf.available) throw pdfUnavailable();
          [content] = await pdf.toPdf([document.content]);
          if (!content) throw pdfUnavailable();
          await records.saveDocumentPdf(id, content, document.createdAt);
        }
        res.setHeader('Content-Type', PDF_MEDIA_TYPE);
        res.setHeader('Content-Disposition', attachment(document.tenTep.replace(/\.docx$/i, '') + '.pdf'));
        res.send(content);
      },
    }),
  ];
}
