import type { MembershipRecord } from '../organisation/index.js';

/**
 * The one password of every demo account; shown in the README. Never seed these in production. It meets the password
 * policy (12+ characters, not common, none of the accounts' names), checked by the seed test.
 */
export const DEMO_PASSWORD = 'DanVan@Khoi2026';

export interface DemoAccount {
  username: string;
  fullName: string;
  /** What the account is for, in Vietnamese, for the README table. */
  description: string;
  memberships: MembershipRecord[];
}

const pair = (
  prefix: string,
  unitCode: string,
  unitName: string,
  staff: string,
  head: string,
): DemoAccount[] => [
  {
    username: `${prefix}.canbo`,
    fullName: staff,
    description: `Cán bộ ${unitName}`,
    memberships: [{ unitCode, roles: ['staff'] }],
  },
  {
    username: `${prefix}.lanhdao`,
    fullName: head,
    description: `Lãnh đạo ${unitName}`,
    memberships: [{ unitCode, roles: ['head'] }],
  },
];

/** Demo accounts for every role, in the Bloc's bodies, the mass organisations and two base organisations. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'admin',
    fullName: 'Quản trị hệ thống',
    description: 'Quản trị viên (quản lý đơn vị, người dùng, vai trò)',
    memberships: [{ unitCode: 'van-phong', roles: ['admin'] }],
  },
  {
    username: 'giamsat',
    fullName: 'Hoàng Văn Giám',
    description: 'Giám sát (xem toàn bộ, không sửa)',
    memberships: [{ unitCode: 'ubkt', roles: ['supervisor'] }],
  },
  ...pair('btv', 'btv', 'Ban Thường vụ Đảng ủy Khối', 'Nguyễn Thị Hạnh', 'Phạm Văn Thành'),
  ...pair('thuongtruc', 'thuong-truc', 'Thường trực Đảng ủy Khối', 'Lê Thị Thu', 'Trần Quang Minh'),
  ...pair('btg', 'ban-tuyen-giao', 'Ban Tuyên giáo Đảng ủy Khối', 'Nguyễn Thị Lan', 'Hà Văn Tuấn'),
  ...pair('vanphong', 'van-phong', 'Văn phòng Đảng ủy Khối', 'Đỗ Thị Hương', 'Vũ Đức Long'),
  ...pair('btc', 'ban-to-chuc', 'Ban Tổ chức Đảng ủy Khối', 'Ma Thị Nga', 'Nông Văn Khánh'),
  ...pair('ubkt', 'ubkt', 'Ủy ban Kiểm tra Đảng ủy Khối', 'Lý Thị Phương', 'Quan Văn Sơn'),
  ...pair('doanthanhnien', 'doan-thanh-nien', 'Đoàn Thanh niên Khối', 'Triệu Thị Mai', 'Hoàng Minh Đức'),
  ...pair('cuuchienbinh', 'hoi-cuu-chien-binh', 'Hội Cựu chiến binh Khối', 'Bàn Văn Hải', 'Nguyễn Văn Thắng'),
  ...pair('congdoan', 'cong-doan-vien-chuc', 'Công đoàn Viên chức tỉnh', 'Phùng Thị Yến', 'Lương Văn Hòa'),
  ...pair('sotaichinh', 'so-tai-chinh', 'Đảng bộ Sở Tài chính', 'Trần Thị Ngọc', 'Đặng Văn Bình'),
  ...pair(
    'ximang',
    'cong-ty-xi-mang-tan-quang',
    'Chi bộ Công ty Cổ phần Xi măng Tân Quang',
    'Chu Văn Toàn',
    'Mạc Thị Huyền',
  ),
  ...pair(
    'benhvien',
    'benh-vien-da-khoa-tinh',
    'Đảng bộ Bệnh viện Đa khoa tỉnh',
    'Lâm Thị Thảo',
    'Tạ Quốc Việt',
  ),
];
