import { unzipSync, strFromU8 } from 'fflate';
import { XMLValidator } from 'fast-xml-parser';

export interface OpenedDocx {
  /** word/document.xml as it is. */
  xml: string;
  /** The text of each paragraph (w:p), in order, runs joined. */
  paragraphs: string[];
  /** All the text, paragraphs joined by newlines. */
  text: string;
  files: string[];
}

const decode = (text: string): string =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    // Read as a person reads it: a non-breaking space (kept in the XML, see party-layout.test.ts) is a space.
    .replace(/\u00a0/g, ' ');

/** Opens a .docx the way a reader must: a zip with the OOXML parts, and a well-formed word/document.xml. */
export function openDocx(buffer: Buffer): OpenedDocx {
  const entries = unzipSync(new Uint8Array(buffer));
  const files = Object.keys(entries);
  for (const required of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml']) {
    if (!files.includes(required)) throw new Error(`missing ${required}`);
  }
  const xml = strFromU8(entries['word/document.xml'] as Uint8Array);
  const verdict = XMLValidator.validate(xml);
  if (verdict !== true)
    throw new Error(`word/document.xml is not well-formed: ${verdict.err.msg} (line ${verdict.err.line})`);
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) =>
    [...match[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((text) => decode(text[1] ?? '')).join(''),
  );
  return { xml, paragraphs, text: paragraphs.join('\n'), files };
}
