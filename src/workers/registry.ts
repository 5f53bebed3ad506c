import { capNhatNhiemVu } from './jobs/cap-nhat-nhiem-vu.worker.js';
import { danhSachDonViGiaoViec } from './jobs/danh-sach-don-vi-giao-viec.worker.js';
import { guiThongBao } from './jobs/gui-thong-bao.worker.js';
import { luuBaoCao } from './jobs/luu-bao-cao.worker.js';
import { luuHoSoNhanSu } from './jobs/luu-ho-so-nhan-su.worker.js';
import { luuQuyetDinh } from './jobs/luu-quyet-dinh.worker.js';
import { taoVanBan } from './jobs/tao-van-ban.worker.js';
import { tiepNhanDonThu } from './jobs/tiep-nhan-don-thu.worker.js';
import { tiepNhanBaoCaoDotXuat } from './jobs/tiep-nhan-bao-cao-dot-xuat.worker.js';
import { tiepNhanDanVanKheo } from './jobs/tiep-nhan-dan-van-kheo.worker.js';
import { tongHopBaoCao } from './jobs/tong-hop-bao-cao.worker.js';
import type { RegisteredWorker } from './runtime/worker-definition.js';
import { xacDinhDonViBaoCao } from './jobs/xac-dinh-don-vi-bao-cao.worker.js';
import { xacDinhHanGiaoBan } from './jobs/xac-dinh-han-giao-ban.worker.js';
import { xacDinhKyBaoCao } from './jobs/xac-dinh-ky-bao-cao.worker.js';
import { xacDinhKyDanhGia } from './jobs/xac-dinh-ky-danh-gia.worker.js';
import { xacDinhKyGiaoBan } from './jobs/xac-dinh-ky-giao-ban.worker.js';

/** Every job type of processes/README.md and its worker. */
export const WORKERS: readonly RegisteredWorker[] = [
  xacDinhKyBaoCao,
  xacDinhDonViBaoCao,
  luuBaoCao,
  tongHopBaoCao,
  taoVanBan,
  guiThongBao,
  xacDinhKyGiaoBan,
  xacDinhHanGiaoBan,
  danhSachDonViGiaoViec,
  xacDinhKyDanhGia,
  luuQuyetDinh,
  luuHoSoNhanSu,
  capNhatNhiemVu,
  tiepNhanBaoCaoDotXuat,
  tiepNhanDanVanKheo,
  tiepNhanDonThu,
];
