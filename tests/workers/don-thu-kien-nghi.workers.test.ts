/**
 * The workers of don-thu-kien-nghi (Art. 8.3, 6, 4.3) called directly on real app modules: the register entry and its
 * dates, and the committee's answer to the sender as a document only the named bodies and the unit may read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taoVanBan } from '../../src/workers/jobs/tao-van-ban.worker.js';
import { tiepNhanDonThu } from '../../src/workers/jobs/tiep-nhan-don-thu.worker.js';
import { BadInputError } from '../../src/workers/runtime/business-error.js';
import { inputChecker } from '../../src/workers/runtime/input-validation.js';
import { committeeOf } from '../../src/workers/support/complaint-reply-content.js';
import { openDocx } from '../app/documents/docx-reader.js';
import { job, startBench, type WorkerBench } from './support.js';

let bench: WorkerBench;
beforeAll(async () => {
  bench = await startBench();
}, 60_000);
afterAll(async () => bench?.close());

const UNIT = {
  code: 'so-y-te',
  kind: 'co-so',
  name: 'Đảng bộ Sở Y tế',
  group: 'co-so:so-y-te',
  headGroup: 'co-so:so-y-te:lanh-dao',
};
const LETTER = {
  unit: UNIT,
  loaiDon: 'khieu-nai',
  tomTat: 'Khiếu nại việc xếp loại viên chức năm 2025',
  hoTenNguoiGui: 'Lò Thị Mai',
  ngayTiepNhan: '2026-04-28',
};

describe('tiep-nhan-don-thu (Art. 8.3)', () => {
  it('enters the letter once; the answer is due at 17:00 of the day the unit chose, never a past day; reminded two days before, never before tomorrow', async () => {
    // Today in the bench is 1 May 2026.
    const entered = await tiepNhanDonThu.handle(
      job({ ...LETTER, hanGiaiQuyet: '2026-05-15' }, {}, { processInstanceKey: '4101' }),
      bench.deps,
    );
    expect(entered).toEqual({
      donThuId: '4101-don-thu-tiep-nhan',
      handlingDueDate: '2026-05-15T17:00:00+07:00',
      reminderDate: '2026-05-13T17:00:00+07:00',
    });
    // Started after the day the form allowed (a queued start): due today, and the reminder not sent at once.
    const late = await tiepNhanDonThu.handle(
      job({ ...LETTER, hanGiaiQuyet: '2026-04-29' }, {}, { processInstanceKey: '4102' }),
      bench.deps,
    );
    expect(late).toMatchObject({
      handlingDueDate: '2026-05-01T17:00:00+07:00',
      reminderDate: '2026-05-02T17:00:00+07:00',
    });
    // A retried job keeps the letter as first entered.
    await tiepNhanDonThu.handle(
      job(
        { ...LETTER, hoTenNguoiGui: 'Người khác', hanGiaiQuyet: '2026-05-15' },
        {},
        { processInstanceKey: '4101' },
      ),
      bench.deps,
    );
    const filed = await bench.deps.records.findRecord('4101-don-thu-tiep-nhan');
    expect(filed?.kind).toBe('don-thu-kien-nghi');
    expect(filed?.data).toMatchObject({ unit: { code: 'so-y-te' }, hoTenNguoiGui: 'Lò Thị Mai' });
  });

  it('refuses a unit that is not a base Party organisation, and a kind of letter the regulation does not name', async () => {
    const union = { ...UNIT, code: 'doan-thanh-nien', kind: 'doan-the', group: 'doan-the:doan-thanh-nien' };
    await expect(
      tiepNhanDonThu.handle(
        job({ ...LETTER, unit: union, hanGiaiQuyet: '2026-05-15' }, {}, { processInstanceKey: '4103' }),
        bench.deps,
      ),
    ).rejects.toBeInstanceOf(BadInputError);
    expect(await bench.deps.records.findRecord('4103-don-thu-tiep-nhan')).toBeUndefined();
    const check = inputChecker(tiepNhanDonThu.input);
    expect(check({ ...LETTER, hanGiaiQuyet: '2026-05-15' })).toBeNull();
    expect(check({ ...LETTER, loaiDon: 'thu-ngo', hanGiaiQuyet: '2026-05-15' })).toContain('"loaiDon"');
    expect(check({ ...LETTER, hanGiaiQuyet: '15/05/2026' })).toContain('"hanGiaiQuyet"');
  });
});

describe('tao-van-ban tra-loi-don-thu (Art. 8.3)', () => {
  const issue = { soKyHieu: '07-CV/ĐU', ngayBanHanh: '2026-05-10', nguoiKy: 'Tạ Quốc Việt' };
  const vars = {
    ...LETTER,
    phanLoai: 'kien-nghi',
    diaChiLienHe: 'Khoa Nội, Bệnh viện Đa khoa tỉnh',
    noiDungTraLoi: 'Hội đồng đã xem xét lại kết quả xếp loại.\nKết quả xếp loại được giữ nguyên.',
    canThamMuuUbkt: true,
    ...issue,
  };

  it("answers over the committee's own heading, signed for the committee by its Secretary, readable only by the named bodies and the unit", async () => {
    const out = await taoVanBan.handle(
      job(
        { ...vars, chucVuNguoiKy: 'Bí thư Đảng ủy Sở Y tế' },
        { mauVanBan: 'tra-loi-don-thu' },
        { processInstanceKey: '4201' },
      ),
      bench.deps,
    );
    const filed = await bench.deps.records.findDocument((out.vanBan as { id: string }).id);
    expect(filed?.audienceGroups).toEqual(['ubkt', 'thuong-truc', 'btv', UNIT.group, UNIT.headGroup]);
    expect(filed?.meta?.units).toEqual([{ code: 'so-y-te', name: 'Đảng bộ Sở Y tế' }]);
    const docx = openDocx(filed!.content);
    expect(docx.paragraphs).toContain('ĐẢNG ỦY SỞ Y TẾ');
    expect(docx.paragraphs).toContain('V/v trả lời đơn kiến nghị');
    expect(docx.paragraphs).toContain('T/M ĐẢNG ỦY');
    expect(docx.paragraphs).toContain('BÍ THƯ');
    expect(docx.text).toContain(
      'Ngày 28/04/2026, Đảng ủy Sở Y tế nhận được đơn kiến nghị của ông (bà) Lò Thị Mai',
    );
    expect(docx.text).toContain('Kết quả xếp loại được giữ nguyên.');
    expect(docx.text).toContain('- Ủy ban Kiểm tra Đảng ủy Khối (báo cáo),');
    // The base committee files its own answer: not the Bloc's Office.
    expect(docx.text).not.toContain('Lưu Văn phòng Đảng ủy Khối');
  });

  it('refuses an answer with nothing to say', async () => {
    await expect(
      taoVanBan.handle(
        job({ ...vars, chucVuNguoiKy: 'Bí thư', noiDungTraLoi: '  ' }, { mauVanBan: 'tra-loi-don-thu' }),
        bench.deps,
      ),
    ).rejects.toBeInstanceOf(BadInputError);
  });

  it('names the committee that answers: a Party committee for an Đảng bộ, the cell itself for a Chi bộ', () => {
    expect(committeeOf('Đảng bộ Sở Tài chính')).toEqual({
      committee: 'Đảng ủy Sở Tài chính',
      collective: 'Đảng ủy',
    });
    expect(committeeOf('Chi bộ Công ty Cổ phần Xi măng Tân Quang')).toEqual({
      committee: 'Chi bộ Công ty Cổ phần Xi măng Tân Quang',
      collective: 'Chi bộ',
    });
  });
});
