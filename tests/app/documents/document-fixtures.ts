import type { Signature } from '../../../src/app/documents/index.js';

export const deputySecretary: Signature = {
  authority: { kind: 'on-behalf', collective: 'BAN THƯỜNG VỤ', position: 'PHÓ BÍ THƯ THƯỜNG TRỰC' },
  name: 'Nguyễn Thị Hương',
};
export const secretary: Signature = {
  authority: { kind: 'on-behalf', collective: 'BAN THƯỜNG VỤ', position: 'BÍ THƯ' },
  name: 'Hoàng Văn Đức',
};
export const chiefOfOffice: Signature = {
  authority: { kind: 'by-order', collective: 'BAN THƯỜNG VỤ', title: 'CHÁNH VĂN PHÒNG' },
  name: 'Lê Minh Tuấn',
};
/** By order of the Standing Committee, as the head of its "Dân vận khéo" standing body signs a recognition notice. */
export const headOfPropaganda: Signature = {
  authority: { kind: 'by-order', collective: 'BAN THƯỜNG VỤ', title: 'TRƯỞNG BAN TUYÊN GIÁO' },
  name: 'Hà Văn Tuấn',
};

/** 15 June 2026, 08:00 in Tuyên Quang. */
export const issuedAt = '2026-06-15T01:00:00Z';
