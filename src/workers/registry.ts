import { guiThongBao } from './gui-thong-bao.worker.js';
import { luuBaoCao } from './luu-bao-cao.worker.js';
import { taoVanBan } from './tao-van-ban.worker.js';
import { tongHopBaoCao } from './tong-hop-bao-cao.worker.js';
import type { RegisteredWorker } from './worker-definition.js';
import { xacDinhDonViBaoCao } from './xac-dinh-don-vi-bao-cao.worker.js';
import { xacDinhKyBaoCao } from './xac-dinh-ky-bao-cao.worker.js';

/** Every job type of processes/README.md and its worker. */
export const WORKERS: readonly RegisteredWorker[] = [
  xacDinhKyBaoCao,
  xacDinhDonViBaoCao,
  luuBaoCao,
  tongHopBaoCao,
  taoVanBan,
  guiThongBao,
];
