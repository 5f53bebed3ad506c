import { capNhatNhiemVu } from './cap-nhat-nhiem-vu.worker.js';
import { guiThongBao } from './gui-thong-bao.worker.js';
import { luuBaoCao } from './luu-bao-cao.worker.js';
import { luuHoSoNhanSu } from './luu-ho-so-nhan-su.worker.js';
import { luuQuyetDinh } from './luu-quyet-dinh.worker.js';
import { taoVanBan } from './tao-van-ban.worker.js';
import { tongHopBaoCao } from './tong-hop-bao-cao.worker.js';
import type { RegisteredWorker } from './worker-definition.js';
import { xacDinhDonViBaoCao } from './xac-dinh-don-vi-bao-cao.worker.js';
import { xacDinhKyBaoCao } from './xac-dinh-ky-bao-cao.worker.js';
import { xacDinhKyDanhGia } from './xac-dinh-ky-danh-gia.worker.js';
import { xacDinhKyGiaoBan } from './xac-dinh-ky-giao-ban.worker.js';

/** Every job type of processes/README.md and its worker. */
export const WORKERS: readonly RegisteredWorker[] = [
  xacDinhKyBaoCao,
  xacDinhDonViBaoCao,
  luuBaoCao,
  tongHopBaoCao,
  taoVanBan,
  guiThongBao,
  xacDinhKyGiaoBan,
  xacDinhKyDanhGia,
  luuQuyetDinh,
  luuHoSoNhanSu,
  capNhatNhiemVu,
];
