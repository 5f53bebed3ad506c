export { DEMO_PASSWORD } from '../../../src/app/seed/demo-accounts.js';

/** The demo accounts the browser tests sign in as (README lists them all). */
export const people = {
  staff: { username: 'btg.canbo', fullName: 'Nguyễn Thị Lan', unit: 'ban-tuyen-giao' },
  locked: { username: 'vanphong.canbo', fullName: 'Đỗ Thị Hương', unit: 'van-phong' },
} as const;
