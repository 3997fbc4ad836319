/** Page object of /entry (数据填报): a period's sheet, one card per indicator the official reports. */
import { expect, type Locator, type Page } from '@playwright/test';
import { currentPeriod, type Period } from '../../lib/domain/period';

export class EntryPage {
  constructor(readonly page: Page) {}

  static url(period: Period = currentPeriod(new Date())): string {
    return `/entry?year=${period.year}&month=${period.month}`;
  }

  /** Opens the sheet (this month unless told) and waits for its heading. */
  async goto(period?: Period): Promise<this> {
    await this.page.goto(EntryPage.url(period));
    await expect(this.page.getByRole('heading', { level: 1, name: /数据填报/ })).toBeVisible();
    return this;
  }

  /** The card of the indicator whose name starts with `name`. */
  card(name: string): EntryCard {
    return new EntryCard(
      this.page.getByRole('listitem').filter({ has: this.page.getByRole('heading', { name: new RegExp(`^${name}`) }) }),
    );
  }
}

export class EntryCard {
  readonly value: Locator;
  readonly note: Locator;
  /** The row's own result line (saved, submitted). */
  readonly status: Locator;
  /** The row's refusal or conflict. */
  readonly alert: Locator;

  constructor(readonly root: Locator) {
    this.value = root.getByLabel(/本期实绩/);
    this.note = root.getByLabel('备注');
    this.status = root.getByRole('status');
    this.alert = root.getByRole('alert');
  }

  button(name: string): Locator {
    return this.root.getByRole('button', { name });
  }

  async saveDraft(value?: string): Promise<void> {
    if (value !== undefined) await this.value.fill(value);
    await this.button('保存草稿').click();
  }

  async submit(value?: string): Promise<void> {
    if (value !== undefined) await this.value.fill(value);
    await this.button('提交审核').click();
  }
}
