/**
 * Counties and districts (县区): a unit official enters and submits its unit's figure, the unit reviewer approves it,
 * and the city figure on the indicator page changes by the roll-up rule (the sum of the 12 districts and counties).
 * Another unit's official cannot see the draft or write it (403 over HTTP, nothing stored), nor may another unit's
 * reviewer approve it. The sample year leaves 潞州区's latest month unreported (db/seed/sample-units.ts), so the
 * roll-up starts incomplete and names it. Then: the units to chase on /units, one small trend chart per unit on the
 * indicator page, the drill-down city → area → indicator → unit, imports with the 县区 column, and a user moved to
 * another unit by the security administrator (their sessions end).
 */
import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { currentPeriod, previousPeriod } from '../lib/domain/period';
import { SAME_ORIGIN, storageStateOf } from './support/accounts';
import { adminApi, BASE_URL, createReadyUser, withAdminApi } from './support/auth-helpers';

test.use({ storageState: storageStateOf('leader') });

const CODE = 'INV-SIGNED-AMOUNT';
// The sample year runs to last month; named explicitly, since other specs enter this month's figures first and the
// pages' default (the latest month holding figures) would then be this month.
const SAMPLE_MONTH = previousPeriod(currentPeriod(new Date()));
const ENTERED = '321';

type UnitsTable = {
  period: { year: number; month: number };
  rollup: { state: string; value?: string; text: string; missing?: string[] };
  rows: {
    unitCode: string;
    value: string | null;
    month: number | null;
    workflow: string | null;
    countsInRollup: boolean;
  }[];
};

const apiAs = (storageState: Awaited<ReturnType<typeof createReadyUser>>['storageState'] | string) =>
  request.newContext({ baseURL: BASE_URL, storageState, extraHTTPHeaders: SAME_ORIGIN });

test.describe.serial('县区填报、审核与汇总', () => {
  let luOfficial: APIRequestContext;
  let luReviewer: APIRequestContext;
  let sdOfficial: APIRequestContext;
  let sdReviewer: APIRequestContext;
  let leader: APIRequestContext;
  let luOfficialState: Awaited<ReturnType<typeof createReadyUser>>['storageState'];
  let before: UnitsTable;
  let period: string;
  let actualId: number;

  test.beforeAll(async () => {
    const admin = await adminApi();
    const suffix = Date.now().toString(36);
    const make = async (name: string, role: 'official' | 'reviewer', unitCode: string) =>
      createReadyUser(admin, { username: `u-${name}-${suffix}`, displayName: `测试${name}`, role, unitCode });
    const lo = await make('lo', 'official', 'luzhou');
    luOfficialState = lo.storageState;
    luOfficial = await apiAs(lo.storageState);
    luReviewer = await apiAs((await make('lr', 'reviewer', 'luzhou')).storageState);
    sdOfficial = await apiAs((await make('so', 'official', 'shangdang')).storageState);
    sdReviewer = await apiAs((await make('sr', 'reviewer', 'shangdang')).storageState);
    leader = await apiAs(storageStateOf('leader'));
    await admin.dispose();
    const res = await leader.get(`/api/indicators/${CODE}/units?year=${SAMPLE_MONTH.year}&month=${SAMPLE_MONTH.month}`);
    expect(res.status(), await res.text()).toBe(200);
    before = (await res.json()) as UnitsTable;
    period = `${before.period.year}-${String(before.period.month).padStart(2, '0')}`;
  });

  test.afterAll(async () => {
    for (const ctx of [luOfficial, luReviewer, sdOfficial, sdReviewer, leader]) await ctx?.dispose();
  });

  test('before: the roll-up names 潞州区 as missing and shows no partial sum', async ({ page }) => {
    expect(before.rollup).toMatchObject({ state: 'incomplete', missing: ['潞州区'] });
    // 潞州区 shows its latest earlier figure, but nothing for this period.
    const luzhou = before.rows.find((r) => r.unitCode === 'luzhou');
    expect(luzhou?.workflow).toBeNull();
    expect(luzhou?.month).not.toBe(before.period.month);
    expect(
      before.rows
        .filter((r) => r.countsInRollup && r.unitCode !== 'luzhou')
        .every((r) => r.month === before.period.month && r.workflow === 'approved'),
    ).toBe(true);
    await page.goto(`/indicators/${CODE}?year=${before.period.year}&month=${before.period.month}`);
    await expect(page.getByTestId('rollup-city')).toContainText('暂不汇总');
    await expect(page.getByTestId('rollup-city')).toContainText('汇总方式：各县区数据求和');
    await expect(page.getByTestId('rollup-text')).toContainText('潞州区尚无本期数据');
  });

  test("the unit official saves a draft; another unit's official can neither see nor write it", async ({ browser }) => {
    const saved = await luOfficial.put('/api/actuals', {
      data: { indicatorCode: CODE, period, value: ENTERED, version: null, action: 'draft' },
    });
    expect(saved.status(), await saved.text()).toBe(200);
    actualId = ((await saved.json()) as { actual: { id: number } }).actual.id;

    // Its own entry page shows it, under the unit's name.
    const context = await browser.newContext({ storageState: luOfficialState });
    const page = await context.newPage();
    await page.goto(`/entry?year=${before.period.year}&month=${before.period.month}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('潞州区');
    await expect(page.getByText('签约项目金额').first()).toBeVisible();
    await context.close();

    // 上党区's official: not on its sheet, not on 潞州区's page, not in the by-unit table.
    for (const url of [
      '/api/entry',
      `/api/units/luzhou?year=${before.period.year}&month=${before.period.month}`,
      `/api/indicators/${CODE}/units?year=${before.period.year}&month=${before.period.month}`,
    ]) {
      const res = await sdOfficial.get(
        url.startsWith('/api/entry') ? `${url}?year=${before.period.year}&month=${before.period.month}` : url,
      );
      expect(res.status(), url).toBe(200);
      const body = await res.text();
      expect(body, url).not.toContain(`"value":"${ENTERED}`);
      expect(body, url).not.toContain(`"id":${actualId},`);
    }
    // Writing 潞州区's figure: 403, and nothing stored.
    const forged = await sdOfficial.put('/api/actuals', {
      data: { indicatorCode: CODE, period, unitCode: 'luzhou', value: '999999', version: 1, action: 'submit' },
    });
    expect(forged.status()).toBe(403);
    const unknown = await sdOfficial.put('/api/actuals', {
      data: { indicatorCode: CODE, period, unitCode: 'atlantis', value: '1', version: null, action: 'draft' },
    });
    expect(unknown.status()).toBe(404);
    const own = await luOfficial.get(`/api/entry?year=${before.period.year}&month=${before.period.month}`);
    const row = (
      (await own.json()) as {
        rows: { indicator: { code: string }; actual: { value: string; status: string; version: number } | null }[];
      }
    ).rows.find((r) => r.indicator.code === CODE);
    expect(row?.actual).toMatchObject({ status: 'draft', version: 1 });
    expect(Number(row?.actual?.value)).toBe(Number(ENTERED));
  });

  test("submitted, it is approved by its own unit's reviewer only; the city figure becomes the sum", async ({
    page,
  }) => {
    const submitted = await luOfficial.put('/api/actuals', {
      data: { indicatorCode: CODE, period, value: ENTERED, version: 1, action: 'submit' },
    });
    expect(submitted.status(), await submitted.text()).toBe(200);
    const version = ((await submitted.json()) as { actual: { version: number } }).actual.version;

    const wrongReviewer = await sdReviewer.post(`/api/actuals/${actualId}/approve`, { data: { version } });
    expect(wrongReviewer.status()).toBe(403);
    const approved = await luReviewer.post(`/api/actuals/${actualId}/approve`, { data: { version } });
    expect(approved.status(), await approved.text()).toBe(200);

    const expected = before.rows
      .filter((r) => r.countsInRollup && r.unitCode !== 'luzhou')
      .reduce((sum, r) => sum + Number(r.value), Number(ENTERED));
    const after = (await (
      await leader.get(`/api/indicators/${CODE}/units?year=${before.period.year}&month=${before.period.month}`)
    ).json()) as UnitsTable;
    expect(after.rollup).toMatchObject({ state: 'complete', text: '12个县区数据之和' });
    expect(Number(after.rollup.value)).toBe(expected);

    // The city figure of the indicator page is the roll-up, marked as derived from the units.
    const detail = (await (
      await leader.get(`/api/indicators/${CODE}?year=${before.period.year}&month=${before.period.month}`)
    ).json()) as {
      indicator: { figure: { value: string; month: number; isDerived: boolean } | null };
    };
    expect(detail.indicator.figure).toMatchObject({ month: before.period.month, isDerived: true });
    expect(Number(detail.indicator.figure?.value)).toBe(expected);

    await page.goto(`/indicators/${CODE}?year=${before.period.year}&month=${before.period.month}`);
    await expect(page.getByTestId('rollup-text')).toContainText('12个县区数据之和');
    await expect(page.getByTestId('rollup-city')).not.toContainText('暂不汇总');
    // Drill-down: indicator → unit.
    await page.locator('tr[data-unit="luzhou"]').getByRole('link', { name: '潞州区' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '潞州区' })).toBeVisible();
    await expect(page.getByText(/公式：/).first()).toBeVisible();
  });

  test('the units page ranks every unit with its formula, and lists the units to chase (催报)', async ({ page }) => {
    await page.goto('/units');
    await expect(page.getByRole('heading', { level: 1, name: '县区' })).toBeVisible();
    await expect(page.getByText(/排名公式：/)).toBeVisible();
    const ranking = page.getByRole('table', { name: '县区排名' });
    for (const name of ['潞州区', '沁源县', '长治高新区'])
      await expect(ranking.getByRole('link', { name })).toBeVisible();
    await expect(page.getByRole('heading', { name: /县区催报（截至今天/ })).toBeVisible();
  });

  test('the indicator page draws one small trend chart per unit, each with its text alternative', async ({ page }) => {
    await page.goto(`/indicators/${CODE}?year=${before.period.year}&month=${before.period.month}`);
    const trends = page.getByTestId('unit-trends');
    await expect(trends.getByRole('heading', { name: '各县区走势' })).toBeVisible();
    await expect(trends.locator('[data-unit-trend]')).toHaveCount(before.rows.length);
    const luzhou = trends.locator('[data-unit-trend="luzhou"]');
    await expect(luzhou.locator('svg.recharts-surface')).toBeVisible();
    await expect(luzhou.getByRole('table', { name: /潞州区：\d{4}年走势/ })).toBeAttached();
    await expect(luzhou.getByRole('link', { name: '潞州区' })).toHaveAttribute('href', /^\/units\/luzhou\?year=/);
  });

  test('the drill-down goes city → area → indicator → unit', async ({ page }) => {
    await page.goto(`/?year=${before.period.year}&month=${before.period.month}`);
    await page.locator('a[href^="/areas/investment"]').first().click();
    await expect(page).toHaveURL(/\/areas\/investment/);
    await page.locator(`a[href^="/indicators/${CODE}"]`).first().click();
    await expect(page).toHaveURL(new RegExp(`/indicators/${CODE}`));
    await page.locator('tr[data-unit="shangdang"]').getByRole('link', { name: '上党区' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '上党区' })).toBeVisible();
  });

  test('imports carry the 县区 column: the template round-trips; another unit is refused naming row and column', async () => {
    const template = await luOfficial.get('/api/imports/actuals/template');
    expect(template.status(), await template.text()).toBe(200);
    const upload = (name: string, buffer: Buffer) =>
      luOfficial.post('/api/imports/actuals', {
        multipart: { mode: 'dry-run', file: { name, mimeType: 'application/octet-stream', buffer } },
      });
    type Preview = { errorCount: number; rows: { unitRef: string; status: string; messages: string[] }[] };
    const same = (await (await upload('template.xlsx', await template.body())).json()) as Preview;
    expect(same.errorCount).toBe(0);
    expect(same.rows.length).toBeGreaterThan(0);
    expect(same.rows.every((r) => r.unitRef === '潞州区')).toBe(true);

    const csv = `指标编码,填报期,数值,县区\r\n${CODE},${period},5,上党区\r\n`;
    const res = await upload('other.csv', Buffer.from(`\ufeff${csv}`, 'utf8'));
    expect(res.status(), await res.text()).toBe(200);
    const other = (await res.json()) as Preview;
    expect(other.rows[0]).toMatchObject({ status: 'error', unitRef: '上党区' });
    expect(other.rows[0]?.messages[0]).toBe('第 2 行：「县区」只能导入本县区（潞州区）的数据，文件中为「上党区」');
  });
});

test("the security administrator moves a unit official to another unit: audited, and the user's sessions end", async ({
  browser,
}) => {
  const user = await withAdminApi((admin) =>
    createReadyUser(admin, {
      username: `u-move-${Date.now().toString(36)}`,
      displayName: '测试调动',
      role: 'official',
      unitCode: 'tunliu',
    }),
  );
  const session = await apiAs(user.storageState);
  expect((await session.get('/api/entry')).status()).toBe(200);

  const context = await browser.newContext({ storageState: storageStateOf('security') });
  const page = await context.newPage();
  await page.goto('/admin/users');
  const row = page.getByRole('row').filter({ hasText: user.username });
  await expect(row).toContainText('屯留区');
  await row.getByRole('button', { name: '编辑' }).click();
  const edit = page.getByRole('dialog', { name: `编辑用户 ${user.username}` });
  await expect(edit.getByLabel('所属县区')).toHaveValue('tunliu');
  await edit.getByLabel('所属县区').selectOption({ label: '潞城区' });
  await expect(edit).toContainText('已登录的会话将立即失效');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(row).toContainText('潞城区');
  await context.close();

  expect((await session.get('/api/entry')).status()).toBe(401);
  await session.dispose();
});
