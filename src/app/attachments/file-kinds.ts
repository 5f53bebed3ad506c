/**
 * The kinds of file a form may carry (the committee's documents: dossiers, signed scans, spreadsheets), each known by
 * its name's extension and by its first bytes. The declared type and the name alone prove nothing: a file is taken
 * only when its content is what its name says.
 */
export interface FileKind {
  /** Lower-case extensions without the dot; the first is the usual one. */
  extensions: readonly string[];
  /** What the download declares, whatever the browser sent. */
  contentType: string;
  /** Whether the content is of this kind. */
  matches(content: Buffer): boolean;
}

const startsWith = (content: Buffer, bytes: readonly number[]): boolean =>
  content.length >= bytes.length && bytes.every((byte, index) => content[index] === byte);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OLE2 compound file: Word 97–2003 documents. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An Office Open XML package holding `part` (its entry names are stored uncompressed in the zip's headers). */
const officePackage =
  (part: string) =>
  (content: Buffer): boolean =>
    startsWith(content, ZIP) && content.includes(Buffer.from(part, 'latin1'));

export const FILE_KINDS: readonly FileKind[] = [
  {
    extensions: ['pdf'],
    contentType: 'application/pdf',
    matches: (content) => startsWith(content, [0x25, 0x50, 0x44, 0x46, 0x2d]), // %PDF-
  },
  {
    extensions: ['docx'],
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    matches: officePackage('word/document.xml'),
  },
  {
    extensions: ['xlsx'],
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    matches: officePackage('xl/workbook.xml'),
  },
  {
    extensions: ['doc'],
    contentType: 'application/msword',
    matches: (content) => startsWith(content, OLE),
  },
  {
    extensions: ['jpg', 'jpeg'],
    contentType: 'image/jpeg',
    matches: (content) => startsWith(content, [0xff, 0xd8, 0xff]),
  },
  {
    extensions: ['png'],
    contentType: 'image/png',
    matches: (content) => startsWith(content, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
];

/** The extensions accepted, as a file input's `accept` and as messages list them. */
export const ACCEPTED_EXTENSIONS: readonly string[] = FILE_KINDS.flatMap((kind) => kind.extensions);

export function kindOfName(fileName: string): FileKind | undefined {
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return extension ? FILE_KINDS.find((kind) => kind.extensions.includes(extension)) : undefined;
}

/**
 * Types a browser may declare for a file of this kind: its own, the generic one, none (browsers send
 * application/octet-stream or nothing for a type they do not know).
 */
export function declaredTypeFits(kind: FileKind, declared: string | undefined): boolean {
  const type = (declared ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return type === '' || type === 'application/octet-stream' || type === kind.contentType;
}
