import { Type } from '@sinclair/typebox';
import type { DocumentSymbolSettings } from '../../shared/contracts/index.js';

/** Capitals as in "BC", "QĐ", "ĐUK": the shape the issuing form's "Số, ký hiệu" accepts. */
export const DocumentSymbol = Type.String({ minLength: 1, maxLength: 12, pattern: '^[A-ZĐ]+$' });

export const DocumentSymbolsSetting = Type.Object(
  {
    issuer: DocumentSymbol,
    processes: Type.Record(Type.String({ pattern: '^[a-z0-9-]+$' }), DocumentSymbol),
  },
  { additionalProperties: false },
);

/**
 * The kind symbol of the document each process issues ("Số 125-BC/ĐUK"), as the clerks have typed them: the
 * synthesis report, the briefing's conclusions, the personnel opinion (a công văn), the commendation decision, the
 * direction on an urgent report.
 */
export const DEFAULT_DOCUMENT_SYMBOLS: DocumentSymbolSettings = {
  issuer: 'ĐUK',
  processes: {
    'bao-cao-dan-van': 'BC',
    'giao-ban-quy': 'TB',
    'y-kien-nhan-su': 'CV',
    'danh-gia-khen-thuong': 'QĐ',
    'bao-cao-dot-xuat': 'TB',
    'dan-van-kheo': 'TB',
    // don-thu-kien-nghi is answered by the base committee under its own symbol ("15-CV/ĐU"), not the Bloc's.
  },
};

/** "-BC/ĐUK": the symbol without its number, which the issuing form offers; the clerk types the number in front. */
export function suggestedSymbol(symbols: DocumentSymbolSettings, processId: string): string | undefined {
  const kind = symbols.processes[processId];
  return kind ? `-${kind}/${symbols.issuer}` : undefined;
}
