/** The documents list's contract (src/app/records/documents.routes.ts). Types only. */

export interface DocumentItem {
  id: string;
  /** The template: bao-cao-tong-hop-dan-van, thong-bao-ket-luan-giao-ban, … */
  mauVanBan: string;
  soKyHieu: string;
  tenTep: string;
  /** When it was generated (ISO). */
  createdAt: string;
  /** The date printed on it (yyyy-MM-dd), when known. */
  ngayBanHanh: string | null;
  processId: string | null;
  processInstanceKey: string;
  periodCode: string | null;
  periodLabel: string | null;
  /** The units it concerns, by code and name. */
  units: { code: string; name: string }[];
}

/** GET /api/documents?processId=&period=&unit=&processInstanceKey=&q=&page=: newest first. */
export interface DocumentList {
  total: number;
  page: number;
  pageSize: number;
  items: DocumentItem[];
}
