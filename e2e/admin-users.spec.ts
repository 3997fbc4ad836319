import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { storageStateOf } from './support/accounts';
import { createUser, newUserPage, STRONG_PASSWORD, unexpectedProblems, withAdminApi } from './support/auth-helpers';
import { changePassword, signIn } from './pages/login-page';
import { watchPage } from './support/watch';

test.describe.configure({ mode: 'serial' });
// Accounts are the security administrator's (三员分立); departments stay with the system administrator.
test.use({ storageState: storageStateOf('security') });

const OFFICIAL = { username: 'au-official', displayName: '测试填报员甲' };
let oneTimePassword = '';
let official: { context: BrowserContext; page: Page } | undefined;

const rowOf = (page: Page, username: string) => page.getByRole('row').filter({ hasText: username });

function officialPage(): Page {
  if (!official) throw new Error('the official signs in in an earlier test of this file');
  return official.page;
}

test.afterAll(async () => {
  await official?.context.close();
});

test('the security administrator creates an official with a department and is shown a one-time password', async ({
  page,
}) => {
  const watch = watchPage(page);
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { name: '用户管理' })).toBeVisible();
  // A security administrator cannot disable their own account (the server refuses it too).
  await expect(rowOf(page, 'e2e-security').getByRole('button', { name: '停用' })).toHaveCount(0);

  await page.getByRole('button', { name: '新建用户' }).click();
  const form = page.getByRole('dialog', { name: '新建用户' });
  await form.getByRole('button', { name: '创建' }).click();
  // Every problem at once, each beside (and announced with) its field.
  await expect(form.getByLabel('用户名')).toHaveAccessibleDescription(/「用户名」至少 3 个字符/);
  await expect(form.getByLabel('显示名')).toHaveAccessibleDescription(/请填写「显示名」/);
  await expect(form.getByLabel('所属单位')).toHaveAccessibleDescription(/「填报员」必须指定「所属单位」/);
  await expect(form.getByRole('alert').filter({ hasText: '请按提示修改标出的字段' })).toBeVisible();

  await form.getByLabel('用户名').fill(OFFICIAL.username);
  await form.getByLabel('显示名').fill(OFFICIAL.displayName);
  await form.getByLabel('角色').selectOption({ label: '填报员' });
  await form.getByLabel('所属单位').selectOption({ label: '市发展和改革委员会' });
  await form.getByRole('button', { name: '创建' }).click();

  const shown = page.getByRole('dialog', { name: `用户 ${OFFICIAL.username} 已创建` });
  await expect(shown).toContainText('只显示这一次');
  oneTimePassword = ((await shown.getByTestId('one-time-password').textContent()) ?? '').trim();
  expect(oneTimePassword).toMatch(/^\S{14}$/);
  await shown.getByRole('button', { name: '我已记下' }).click();
  await expect(rowOf(page, OFFICIAL.username)).toContainText('市发展和改革委员会');
  await expect(rowOf(page, OFFICIAL.username)).toContainText('待修改密码');
  expect(unexpectedProblems(watch.problems)).toEqual([]);
});

test('the official must change the password: a weak one is refused naming the rule, a good one lands on the overview', async ({
  browser,
}) => {
  official = await newUserPage(browser);
  const page = official.page;
  const watch = watchPage(page);
  await signIn(page, OFFICIAL.username, oneTimePassword);
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByRole('status')).toContainText('请先设置自己的新密码');

  const newPassword = page.getByLabel('新密码', { exact: true });
  await changePassword(page, oneTimePassword, 'abcdefghij');
  await expect(newPassword).toHaveAccessibleDescription(/密码需包含大写字母、小写字母、数字、符号中的至少 3 类/);
  await changePassword(page, oneTimePassword, `X1-${OFFICIAL.username}`);
  await expect(newPassword).toHaveAccessibleDescription(/密码不能包含用户名/);
  await changePassword(page, 'not-the-password', STRONG_PASSWORD);
  await expect(page.getByLabel('当前密码', { exact: true })).toHaveAccessibleDescription(/「当前密码」不正确/);
  await changePassword(page, oneTimePassword, STRONG_PASSWORD, `${STRONG_PASSWORD}!`);
  await expect(page.getByLabel('再次输入新密码')).toHaveAccessibleDescription(/两次输入的新密码不一致/);

  await changePassword(page, oneTimePassword, STRONG_PASSWORD);
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
  await expect(page.getByRole('heading', { name: /总览/ })).toBeVisible();
  expect(unexpectedProblems(watch.problems)).toEqual([]);
});

test('disabling the official ends their session at the next request; re-enabled, they sign in again', async ({
  page,
}) => {
  const user = officialPage();
  await page.goto('/admin/users');
  await rowOf(page, OFFICIAL.username).getByRole('button', { name: '停用' }).click();
  const confirm = page.getByRole('dialog', { name: '停用用户' });
  await expect(confirm).toContainText('所有已登录的会话立即结束');
  await confirm.getByRole('button', { name: '停用' }).click();
  await expect(page.getByRole('status')).toContainText(`已停用用户 ${OFFICIAL.username}`);
  await expect(rowOf(page, OFFICIAL.username)).toContainText('已停用');

  await user.goto('/');
  await expect(user).toHaveURL(/\/login/);
  expect((await user.request.get('/api/overview')).status()).toBe(401);
  await signIn(user, OFFICIAL.username, STRONG_PASSWORD);
  await expect(user.getByRole('alert').filter({ hasText: '账号已停用' })).toBeVisible();

  await rowOf(page, OFFICIAL.username).getByRole('button', { name: '启用' }).click();
  await page.getByRole('dialog', { name: '启用用户' }).getByRole('button', { name: '启用' }).click();
  await expect(rowOf(page, OFFICIAL.username)).not.toContainText('已停用');
  await signIn(user, OFFICIAL.username, STRONG_PASSWORD);
  await expect(user.getByRole('button', { name: '退出登录' })).toBeVisible();
});

test('a role change ends the session too; the security administrator cannot change their own role', async ({
  page,
}) => {
  const user = officialPage();
  await page.goto('/admin/users');
  await rowOf(page, 'e2e-security').getByRole('button', { name: '编辑' }).click();
  const own = page.getByRole('dialog', { name: '编辑用户 e2e-security' });
  await expect(own.getByLabel('角色')).toBeDisabled();
  await own.getByRole('button', { name: '取消' }).click();

  await rowOf(page, OFFICIAL.username).getByRole('button', { name: '编辑' }).click();
  const edit = page.getByRole('dialog', { name: `编辑用户 ${OFFICIAL.username}` });
  await edit.getByLabel('角色').selectOption({ label: '领导' });
  await expect(edit.getByLabel('所属单位')).toHaveCount(0);
  await expect(edit).toContainText('已登录的会话将立即失效');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(rowOf(page, OFFICIAL.username)).toContainText('领导');

  await user.goto('/');
  await expect(user).toHaveURL(/\/login/);
  await signIn(user, OFFICIAL.username, STRONG_PASSWORD);
  await expect(user.getByRole('banner')).toContainText('领导');
});

test('a reset shows a new one-time password once, ends the session and forces a change again', async ({ page }) => {
  const user = officialPage();
  await page.goto('/admin/users');
  await rowOf(page, OFFICIAL.username).getByRole('button', { name: '重置密码' }).click();
  await page.getByRole('dialog', { name: '重置密码' }).getByRole('button', { name: '重置密码' }).click();
  const shown = page.getByRole('dialog', { name: `用户 ${OFFICIAL.username} 的密码已重置` });
  const reset = ((await shown.getByTestId('one-time-password').textContent()) ?? '').trim();
  expect(reset).toMatch(/^\S{14}$/);
  await shown.getByRole('button', { name: '我已记下' }).click();

  await user.goto('/');
  await expect(user).toHaveURL(/\/login/);
  await signIn(user, OFFICIAL.username, reset);
  await expect(user).toHaveURL(/\/account\/password$/);
});

test('five wrong passwords lock an account, answered as a wrong password; the security administrator is shown it and unlocks it', async ({
  page,
  browser,
}) => {
  const locked = await withAdminApi((admin) =>
    createUser(admin, { username: 'au-locked', displayName: '锁定测试', role: 'leader' }),
  );
  const { context, page: user } = await newUserPage(browser, '10.77.0.2');
  for (let i = 1; i <= 5; i += 1) {
    await signIn(user, locked.username, `Wrong-pass#${i}`);
    await expect(user.getByRole('alert').filter({ hasText: '用户名或密码不正确' })).toBeVisible();
  }
  // The right password on a locked account: the same answer as a wrong one (nobody learns it is locked).
  await signIn(user, locked.username, locked.password);
  await expect(user.getByRole('alert').filter({ hasText: '用户名或密码不正确' })).toBeVisible();
  await expect(user.getByText('已被锁定')).toHaveCount(0);

  await page.goto('/admin/users');
  const lockedList = page.getByRole('region', { name: /被锁定的账号/ });
  await expect(lockedList).toContainText(locked.username);
  await expect(lockedList.getByRole('button', { name: `解锁 ${locked.username}` })).toBeVisible();
  await expect(rowOf(page, locked.username)).toContainText(/已锁定至 \d\d-\d\d \d\d:\d\d/);
  await page.screenshot({ path: 'e2e/screenshots/admin-users.png', fullPage: true });
  await rowOf(page, locked.username).getByRole('button', { name: '解锁' }).click();
  await page.getByRole('dialog', { name: '解除登录锁定' }).getByRole('button', { name: '解锁' }).click();
  await expect(rowOf(page, locked.username)).not.toContainText('已锁定');

  await signIn(user, locked.username, locked.password);
  await expect(user).toHaveURL(/\/account\/password$/);
  await context.close();
});

test('the system administrator manages no account: no 用户管理 link, the page and the API refuse', async ({
  browser,
}) => {
  const context = await browser.newContext({ storageState: storageStateOf('admin') });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('link', { name: '单位管理' })).toBeVisible();
  await expect(page.getByRole('link', { name: '用户管理' })).toHaveCount(0);
  await page.goto('/admin/users');
  await expect(page.getByText('您的角色不能访问「用户管理」')).toBeVisible();
  expect((await page.request.get('/api/admin/users')).status()).toBe(403);
  const created = await page.request.post('/api/admin/users', {
    data: { username: 'au-sneaky', displayName: '越权', role: 'auditor' },
  });
  expect(created.status()).toBe(403);
  await context.close();
});

test('creating an auditor account is shown to the auditors at sign-in until they acknowledge it', async ({
  browser,
}) => {
  await withAdminApi((security) =>
    createUser(security, { username: 'au-new-auditor', displayName: '新审计员', role: 'auditor' }),
  );
  const context = await browser.newContext({ storageState: storageStateOf('auditor') });
  const page = await context.newPage();
  await page.goto('/audit');
  const banner = page.getByRole('region', { name: /审计员账号变更提醒/ });
  await expect(banner).toContainText('账号 au-new-auditor：被授予审计员角色（操作人 e2e-security）');
  await banner.getByRole('button', { name: '已核实，确认提醒' }).click();
  await expect(banner).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('region', { name: /审计员账号变更提醒/ })).toHaveCount(0);
  await context.close();
});

test('departments: create one, refused duplicates name the field, deactivate it', async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateOf('admin') });
  const page = await context.newPage();
  const watch = watchPage(page);
  await page.goto('/admin/departments');
  await expect(page.getByRole('heading', { name: '单位管理' })).toBeVisible();
  await page.getByRole('button', { name: '新建单位' }).click();
  const form = page.getByRole('dialog', { name: '新建单位' });
  await form.getByLabel('单位代码').fill('fgw');
  await form.getByLabel('单位名称').fill('测试新建单位');
  await form.getByLabel('单位简称').fill('测试');
  await form.getByRole('button', { name: '创建' }).click();
  await expect(form.getByLabel('单位代码')).toHaveAccessibleDescription(/该「单位代码」已被使用/);
  await form.getByLabel('单位代码').fill('au-test');
  await form.getByRole('button', { name: '创建' }).click();
  await expect(page.getByRole('status')).toContainText('已新建单位 测试新建单位');

  const row = rowOf(page, 'au-test');
  await row.getByRole('button', { name: '停用' }).click();
  await page.getByRole('dialog', { name: '停用单位' }).getByRole('button', { name: '停用' }).click();
  await expect(row).toContainText('已停用');
  expect(unexpectedProblems(watch.problems)).toEqual([]);
  await context.close();
});
