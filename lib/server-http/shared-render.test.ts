import { describe, expect, it } from 'vitest';
import {
  compileTemplate,
  fillTemplate,
  isSubstitutableName,
  renderKey,
  SHARED_RENDER_HEADER,
  sharedRenderOf,
  standIns,
  type RenderFacts,
} from './shared-render';

const headersOf = (record: Record<string, string>) => ({ get: (name: string) => record[name] ?? null });

describe('the stand-ins', () => {
  it('are the same object for the whole process and look like what they stand for', () => {
    const stand = standIns();
    expect(standIns()).toBe(stand);
    expect(stand.name).toMatch(/^zsname[0-9a-f]{16}$/);
    expect(Buffer.from(stand.nonce, 'base64')).toHaveLength(16);
    expect(String(stand.stamp)).toMatch(/^9\d{12}$/);
  });

  it('are handed to a render only with this process’s token', () => {
    expect(sharedRenderOf(headersOf({ [SHARED_RENDER_HEADER]: standIns().token }))).toBe(standIns());
    expect(sharedRenderOf(headersOf({ [SHARED_RENDER_HEADER]: 'guessed' }))).toBeNull();
    expect(sharedRenderOf(headersOf({ [SHARED_RENDER_HEADER]: '' }))).toBeNull();
    expect(sharedRenderOf(headersOf({}))).toBeNull();
  });
});

describe('isSubstitutableName', () => {
  it('takes the names people have: Chinese, Latin, digits, a middle dot, spaces', () => {
    for (const name of ['测试领导', '张三', '阿卜杜·热合曼', 'Li Wei', '王五2', '𠀋先生'])
      expect(isSubstitutableName(name)).toBe(true);
  });

  it('refuses a name that HTML, JSON, a script or React flight would write differently', () => {
    for (const name of [
      '',
      'a&b',
      '<b>',
      'O"Neil',
      "O'Neil",
      'back\\slash',
      '$1',
      'tab\there',
      'line\u2028sep',
      '\ud800',
    ])
      expect(isSubstitutableName(name), JSON.stringify(name)).toBe(false);
  });
});

describe('compileTemplate and fillTemplate', () => {
  const stand = { name: 'zsnameabc', nonce: 'Tm9uY2U+/w==', stamp: 9123456789012 };

  it('put each request’s values where the stand-ins were, every time they occur', () => {
    const body = `<p>zsnameabc</p><script nonce="Tm9uY2U+/w==">{"n":"zsnameabc","t":9123456789012}</script>`;
    const template = compileTemplate(body, stand);
    expect(template.counts).toEqual({ name: 2, nonce: 1, stamp: 1 });
    expect(fillTemplate(template, { name: '张三', nonce: 'bm9uY2Uy', stamp: '1796400000000' })).toBe(
      '<p>张三</p><script nonce="bm9uY2Uy">{"n":"张三","t":1796400000000}</script>',
    );
  });

  it('leaves a text without stand-ins as it is (and counts none)', () => {
    const template = compileTemplate('<p>测试领导</p>', stand);
    expect(template.counts).toEqual({ name: 0, nonce: 0, stamp: 0 });
    expect(fillTemplate(template, { name: 'x', nonce: 'y', stamp: 'z' })).toBe('<p>测试领导</p>');
  });

  it('reads the nonce literally (its + and / are not patterns)', () => {
    const template = compileTemplate('Tm9uY2UX/w== Tm9uY2U+/w==', stand);
    expect(fillTemplate(template, { name: '', nonce: 'N', stamp: '' })).toBe('Tm9uY2UX/w== N');
  });
});

describe('renderKey', () => {
  const facts: RenderFacts = {
    dataVersion: 41,
    day: 20_000,
    secure: true,
    client: 'browser',
    role: 'official',
    departmentId: 3,
    unitId: null,
    mfaOffNotice: false,
    search: '?year=2026',
  };

  it('is the same for two readers of one scope', () => {
    expect(renderKey({ ...facts })).toBe(renderKey(facts));
  });

  it('differs whenever one fact does: another department or unit never gets this rendering', () => {
    const changed: Partial<RenderFacts>[] = [
      { dataVersion: 42 },
      { day: 20_001 },
      { secure: false },
      { client: 'html' },
      { role: 'reviewer' },
      { departmentId: 4 },
      { departmentId: null },
      { unitId: 3 },
      { mfaOffNotice: true },
      { search: '?year=2026&month=3' },
      { search: '' },
    ];
    const keys = new Set([renderKey(facts), ...changed.map((change) => renderKey({ ...facts, ...change }))]);
    expect(keys.size).toBe(changed.length + 1);
  });

  it('cannot be forged by a query string that imitates the other facts', () => {
    const a = renderKey({ ...facts, role: 'official', search: '?x' });
    const b = renderKey({ ...facts, role: 'official","3', search: '?x' });
    expect(a).not.toBe(b);
  });
});
