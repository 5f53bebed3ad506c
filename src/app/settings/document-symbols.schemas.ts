import { Type } from '@sinclair/typebox';
import type { DocumentSymbolSettings } from '../../shared/contracts/index.js';

/** Capitals as in "BC", "QĐ", "ĐUK": the shape the issuing form's "Số, ký hiệu" accepts. */
export const DocumentSymbol = Type.String({ minLength: 1, maxLength: 12, pattern: '^[A-ZĐ]+$' });

export const DocumentSymbolsSetting = Type.Object(
  {
    issuer: DocumentSymbol,
    templates: Type.Record(Type.String({ pattern: '^[a-z0-9-]+$' }), DocumentSymbol),
  },
  { additionalProperties: false },
);

/** The symbols of each document template the processes issue ("Số 125-BC/ĐUK"), as the clerks have typed them. */
export const DEFAULT_DOCUMENT_SYMBOLS: DocumentSymbolSettings = {
  issuer: 'ĐUK',
  templates: {
    'bao-cao-tong-hop-dan-van': 'BC',
    'thong-bao-ket-luan-giao-ban': 'TB',
    'van-ban-cho-y-kien-nhan-su': 'CV',
    'quyet-dinh-khen-thuong': 'QĐ',
    'y-kien-chi-dao-dot-xuat': 'TB',
  },
};

/** "125-BC/ĐUK" without its number: what the issuing form offers, the clerk typing the number in front. */
export function suggestedSymbol(symbols: DocumentSymbolSettings, template: string): string | undefined {
  const kind = symbols.templates[template];
  return kind ? `-${kind}/${symbols.issuer}` : undefined;
}
