import type { DocumentDataByType, DocumentType } from '../../../src/app/documents/index.js';
import { chiefOfOffice, deputySecretary, issuedAt } from './document-fixtures.js';

/** One short document of each type, each fitting on one A4 page (the PDF layout test reads its first page). */
export const samples: { readonly [T in DocumentType]: DocumentDataByType[T] } = {
  'synthesis-report': {
    number: '12-BC/ĐUK',
    issuedAt,
    recipients: ['Thường trực Tỉnh ủy (báo cáo)', 'Ban Dân vận Tỉnh ủy'],
    signature: deputySecretary,
    period: { kind: 'first-half', year: 2026 },
    unitsExpected: 31,
    unitsReported: 31,
    headings: [{ label: 'Hội nghị, buổi quán triệt, tuyên truyền', total: 124, unit: 'buổi' }],
    lateUnits: [],
    missingUnits: [],
    proposals: [],
  },
  'briefing-conclusion': {
    number: '7-TB/ĐUK',
    issuedAt,
    recipients: ['Thường trực Đảng ủy Khối', 'Các Đoàn thể Khối'],
    signature: chiefOfOffice,
    quarter: 2,
    year: 2026,
    meeting: {
      date: '2026-06-10',
      place: 'Hội trường Đảng ủy Khối',
      chairedBy: 'đồng chí Nguyễn Văn An, Phó Bí thư Thường trực Đảng ủy Khối',
    },
    attendees: ['Lãnh đạo các Đoàn thể Khối'],
    conclusions: ['Tiếp tục thực hiện tốt Quy chế dân chủ ở cơ sở.'],
    actions: [],
  },
  'personnel-opinion': {
    number: '45-CV/ĐUK',
    issuedAt,
    recipients: ['Như Kính gửi', 'Ban Tổ chức Đảng ủy Khối'],
    signature: deputySecretary,
    addressee: 'Ban Thường vụ Đoàn Thanh niên Khối',
    nomination: { organisation: 'Ban Thường vụ Đoàn Thanh niên Khối' },
    candidate: { fullName: 'Trần Thị Mai', currentPosition: 'Phó Bí thư Đoàn Thanh niên Khối' },
    position: 'Bí thư Đoàn Thanh niên Khối',
    procedure: 'appointment',
    term: '2022 - 2027',
    opinion: 'agree',
  },
  'commendation-decision': {
    number: '130-QĐ/ĐUK',
    issuedAt,
    recipients: ['Như Điều 3'],
    signature: deputySecretary,
    year: 2026,
    bases: ['Điều lệ Đảng Cộng sản Việt Nam'],
    collectives: [{ name: 'Chi bộ Sở Tư pháp', recognition: 'Giấy khen của Ban Thường vụ Đảng ủy Khối' }],
    individuals: [],
  },
};
