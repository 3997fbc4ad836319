/** Page object of /approvals (数据审核): the reviewer's queue, one item per submitted figure. */
import { expect, type Locator, type Page } from '@playwright/test';

export class ApprovalsPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<this> {
    await this.page.goto('/approvals');
    await expect(this.page.getByRole('heading', { level: 1, name: /数据审核/ })).toBeVisible();
    return this;
  }

  /** The queued item of the indicator named `name` (absent once approved or returned). */
  item(name: string): Locator {
    return this.page.getByRole('listitem').filter({ hasText: name });
  }

  async approve(name: string): Promise<void> {
    await this.item(name).getByRole('button', { name: '审核通过' }).click();
    await expect(this.item(name)).toHaveCount(0);
  }

  /** Returns the figure with a reason ("退回" first opens the reason field, unless it is open already). */
  async returnWith(name: string, reason: string): Promise<void> {
    const item = this.item(name);
    const reasonField = item.getByLabel('退回原因');
    if (!(await reasonField.isVisible())) await item.getByRole('button', { name: '退回', exact: true }).click();
    await reasonField.fill(reason);
    await item.getByRole('button', { name: '确认退回' }).click();
    await expect(this.item(name)).toHaveCount(0);
  }
}
