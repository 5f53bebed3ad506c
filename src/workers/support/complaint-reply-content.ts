import { generateComplaintReply, type ComplaintReplyData } from '../../app/documents/index.js';
import { BadInputError } from '../runtime/business-error.js';

type Vars = Record<string, unknown>;
interface ReplyIssue {
  soKyHieu: string;
  ngayBanHanh: string;
  nguoiKy: string;
  chucVuNguoiKy: string;
}

const KINDS: Record<string, ComplaintReplyData['kind']> = {
  'khieu-nai': 'khiếu nại',
  'to-cao': 'tố cáo',
  'kien-nghi': 'kiến nghị',
  'phan-anh': 'phản ánh',
};

function text(vars: Vars, key: string, what: string): string {
  const value = vars[key];
  if (typeof value !== 'string' || value.trim() === '')
    throw new BadInputError(`biến "${key}" ${value == null ? 'bị thiếu' : 'sai kiểu'} (cần ${what})`);
  return value.trim();
}

/**
 * The committee of a base organisation, as the body that answers: "Đảng bộ Sở Tài chính" answers as "Đảng ủy Sở Tài
 * chính" (the committee of a Party committee), a "Chi bộ …" as itself (a cell has no separate committee name).
 */
export function committeeOf(unitName: string): { committee: string; collective: string } {
  const name = unitName.trim();
  if (/^đảng bộ\s/iu.test(name))
    return { committee: name.replace(/^đảng bộ/iu, 'Đảng ủy'), collective: 'Đảng ủy' };
  if (/^chi bộ\s/iu.test(name)) return { committee: name, collective: 'Chi bộ' };
  return { committee: name, collective: name };
}

/** The reply to the sender (Art. 8.3), signed by the committee's head for the committee (T/M ĐẢNG ỦY / BÍ THƯ). */
export function complaintReply(vars: Vars, issue: ReplyIssue): Promise<Buffer> {
  const unit = vars.unit as { name?: unknown } | null | undefined;
  if (typeof unit?.name !== 'string') throw new BadInputError('biến "unit" bị thiếu (cần đơn vị trả lời)');
  const kind = KINDS[String(vars.phanLoai ?? vars.loaiDon)];
  if (!kind) throw new BadInputError('biến "phanLoai" sai (cần khieu-nai, to-cao, kien-nghi hoặc phan-anh)');
  const { committee, collective } = committeeOf(unit.name);
  const sender = text(vars, 'hoTenNguoiGui', 'họ tên người gửi');
  const subject = text(vars, 'tomTat', 'trích yếu đơn thư');
  const advised = vars.canThamMuuUbkt === true;
  return generateComplaintReply({
    number: issue.soKyHieu.trim(),
    issuedAt: issue.ngayBanHanh,
    recipients: [
      `Ông (bà) ${sender}`,
      ...(advised ? ['Ủy ban Kiểm tra Đảng ủy Khối (báo cáo)'] : []),
      'Lưu hồ sơ giải quyết đơn thư.',
    ],
    signature: {
      // "Bí thư Đảng ủy Sở Tài chính" signs as "BÍ THƯ": the body is already in the T/M line.
      authority: {
        kind: 'on-behalf',
        collective,
        position: issue.chucVuNguoiKy
          .split(/[;(]/)[0]!
          .replace(/\s+(Đảng ủy|Chi bộ|Chi ủy)(\s.*)?$/iu, '')
          .trim(),
      },
      name: issue.nguoiKy.trim(),
    },
    committee,
    kind,
    sender: { name: sender, address: text(vars, 'diaChiLienHe', 'địa chỉ người gửi') },
    receivedAt: text(vars, 'ngayTiepNhan', 'ngày tiếp nhận'),
    // The trích yếu as the unit typed it, without a full stop the sentence would double.
    subject: subject.charAt(0).toLocaleLowerCase('vi-VN') + subject.slice(1).replace(/[.]+$/, ''),
    advisedByInspection: advised,
    answer: text(vars, 'noiDungTraLoi', 'nội dung trả lời')
      .split(/\n+/)
      .map((line) => line.trim())
      .filter(Boolean),
  });
}
