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
 * Who signs and in what capacity: the Secretary for the collective (T/M … / BÍ THƯ), a Deputy Secretary signing for
 * the Secretary (T/M … / K/T BÍ THƯ / PHÓ BÍ THƯ), or an official signing by order (T/L … / CHÁNH VĂN PHÒNG).
 */
export const SignatureSchema = Type.Object(
  {
    authority: Type.Union([
      Type.Object({ kind: Type.Literal('secretary'), collective: Text }, { additionalProperties: false }),
      Type.Object(
        { kind: Type.Literal('deputy-secretary'), collective: Text },
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

/** What every document carries: its number in the year's register, when it is issued, to whom, who signs. */
export const CommonFields = {
  number: Type.Integer({ minimum: 1 }),
  issuedAt: DocumentDate,
  /** The recipients, without the closing "Lưu Văn phòng" line, which is always added. */
  recipients: Type.Array(Text, { minItems: 1 }),
  signature: SignatureSchema,
};

export const ISSUER = {
  superior: 'ĐẢNG BỘ TỈNH TUYÊN QUANG',
  name: ['ĐẢNG ỦY KHỐI CÁC CƠ QUAN', 'VÀ DOANH NGHIỆP TỈNH'],
  abbreviation: 'ĐUK',
  place: 'Tuyên Quang',
  archive: 'Lưu Văn phòng Đảng ủy Khối.',
} as const;

export function documentNumber(number: number, kind: DocumentKind): string {
  return `Số ${number}-${kind}/${ISSUER.abbreviation}`;
}
