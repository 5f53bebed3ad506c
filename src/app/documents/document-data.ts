import { Type, type Static } from '@sinclair/typebox';

/** Text that must say something: not empty, not only spaces. */
export const Text = Type.String({ minLength: 1, pattern: '\\S' });

/** "2026-06-15" (a calendar day) or an ISO instant "2026-06-15T03:00:00Z". */
export const DocumentDate = Type.Union([
  Type.String({ format: 'date' }),
  Type.String({ format: 'date-time' }),
]);

/** Kinds of Party documents and their abbreviations in the number ("Số 12-BC/ĐUK"). */
export const DOCUMENT_KINDS = { BC: 'báo cáo', TB: 'thông báo', QĐ: 'quyết định', CV: 'công văn' } as const;
export type DocumentKind = keyof typeof DOCUMENT_KINDS;

/**
 * Who signs and in what capacity, as Quyết định 926-QĐ/ĐUK itself is signed: for a collective with the signer's own
 * position (T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ THƯỜNG TRỰC, T/M BAN THƯỜNG VỤ / BÍ THƯ), or by order of the collective
 * (T/L BAN THƯỜNG VỤ / CHÁNH VĂN PHÒNG).
 */
export const SignatureSchema = Type.Object(
  {
    authority: Type.Union([
      Type.Object(
        { kind: Type.Literal('on-behalf'), collective: Text, position: Text },
        { additionalProperties: false },
      ),
      Type.Object(
        { kind: Type.Literal('by-order'), collective: Text, title: Text },
        { additionalProperties: false },
      ),
    ]),
    name: Text,
  },
  { additionalProperties: false },
);
export type Signature = Static<typeof SignatureSchema>;

/** What every document carries: its number and symbol, when it is issued, to whom, who signs. */
export const CommonFields = {
  /** The number and symbol as the clerk typed them: "125-BC/ĐUK" (printed "Số 125-BC/ĐUK"). */
  number: Text,
  issuedAt: DocumentDate,
  /** "Nơi nhận", one line per recipient as typed; "- Lưu Văn phòng Đảng ủy Khối." is added unless typed. */
  recipients: Type.Array(Text, { minItems: 1 }),
  signature: SignatureSchema,
};
