/** Issue 14, point 4 in the browser: the form editor with its live preview, "used by", and a valid form deployed. */
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../src/app/seed/demo-accounts.js';
import { startTestService, useBeforeAll } from '../../support/harness/index.js';
import { launchBrowser, openPage, screenshot } from '../support/browser.js';
import { buildWeb } from '../support/build-web.js';
import { builtWebRoutes } from '../support/built-web-routes.js';

const stack = useBeforeAll(async () => startTestService({ extraRoutes: builtWebRoutes(await buildWeb()) }));
const browser = useBeforeAll(launchBrowser);

describe('the form editor', () => {
  it('shows the editor, the steps using the form and a preview fed with sample data; deploys a new version', async () => {
    const { page } = await openPage(browser, stack.url, { width: 1440, height: 960 });
    await page.goto('/');
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    // An administrator lands on the studio (/admin), not the inbox.
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/admin/);
    await page.goto('/admin/forms/bao-cao-dan-van-lap');
    await page.locator('.fjs-editor-container').waitFor({ timeout: 60_000 });
    await page.getByText('bao-cao-dan-van / Lập báo cáo').waitFor();
    await page.getByText('Biểu mẫu hợp lệ.').waitFor({ timeout: 30_000 });
    await page.locator('.form-studio__preview .fjs-form').waitFor();
    expect(await page.locator('.form-studio__preview .fjs-form').count()).toBe(1);
    await screenshot(page, 'studio-05-form-editor');

    await page.getByLabel('Ghi chú thay đổi (bắt buộc)').fill('Lưu lại không đổi');
    await page.getByRole('button', { name: 'Đưa vào sử dụng' }).click();
    await page.getByText(/Đã đưa vào sử dụng biểu mẫu phiên bản \d+/).waitFor();
  }, 180_000);
});
