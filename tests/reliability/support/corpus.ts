/**
 * Bad input for every write endpoint: the same body-level attacks on each (content types, broken JSON,
 * oversized bodies, prototype-pollution keys, extra and missing fields) and field-level bad values.
 */
export interface CorpusIds {
  submitted: { id: number; version: number };
  approved: { id: number; version: number };
  period: string;
  /** A user and a department the admin cases may name (never changed: every case is refused). */
  userId: number;
  departmentId: number;
  indicatorVersion: number;
}

export interface CorpusCase {
  name: string;
  role: 'official' | 'reviewer' | 'admin' | 'security' | 'leader' | 'auditor';
  method: string;
  path: string;
  contentType?: string;
  body?: string | ArrayBuffer;
}

interface Endpoint {
  name: string;
  role: CorpusCase['role'];
  method: string;
  path: string;
  valid: Record<string, unknown>;
  /** Field → values that must each be refused. */
  bad: Record<string, unknown[]>;
}

const SQL = "'; drop table actuals; --";
const SCRIPT = '<script>alert(1)</script>';

function endpoints(ids: CorpusIds): Endpoint[] {
  return [
    {
      name: 'save a figure',
      role: 'official',
      method: 'PUT',
      path: '/api/actuals',
      valid: { indicatorCode: 'INV-PROJECTS', period: ids.period, value: '1', version: null, action: 'draft' },
      bad: {
        value: [
          'abc',
          '',
          ' ',
          'NaN',
          'Infinity',
          '-Infinity',
          '1e999',
          '1e5',
          '12..3',
          '1,02,7',
          '9'.repeat(10_240),
          SQL,
          SCRIPT,
          '１２a',
          '1\u0000',
          true,
          {},
          [],
          -1e308,
          '99999999999999',
        ],
        period: ['2025-13', '2025-00', 'abc', '2025-1-1', 202603, null, `${ids.period}${SQL}`, '2099-01'],
        indicatorCode: ["' OR 1=1 --", 'X'.repeat(500), '', 123, null, '../../etc/passwd'],
        version: [-1, 0, 1.5, 'abc', 1e20, true],
        action: ['delete', '', null, 'approve'],
        qualifier: ['roughly', 1, SCRIPT],
        evidenceUrl: ['javascript:alert(1)', 'http://x y', 'x'.repeat(600)],
        note: ['x'.repeat(1001), 42],
      },
    },
    {
      name: 'return a figure',
      role: 'reviewer',
      method: 'POST',
      path: `/api/actuals/${ids.submitted.id}/return`,
      valid: { version: ids.submitted.version, reason: '请核实' },
      bad: { reason: ['', ' ', 'x'.repeat(1001), null, 7], version: [0, 'x', null] },
    },
    {
      name: 'approve a figure',
      role: 'reviewer',
      method: 'POST',
      path: `/api/actuals/${ids.submitted.id}/approve`,
      valid: { version: ids.submitted.version },
      bad: { version: [-5, 'v1', 2.5, null] },
    },
    {
      name: 'reopen a figure',
      role: 'admin',
      method: 'POST',
      path: `/api/actuals/${ids.approved.id}/reopen`,
      valid: { version: ids.approved.version, reason: '更正' },
      bad: { reason: ['', null], version: [0, null] },
    },
    {
      name: 'change own password',
      role: 'official',
      method: 'POST',
      path: '/api/account/password',
      valid: { currentPassword: 'Reliability-Pass#2026', newPassword: 'Another-Strong#2027' },
      bad: {
        newPassword: ['', 'short', 'password123', 'x'.repeat(300), null],
        currentPassword: ['', 'wrong-Pass#2026x', 5],
      },
    },
    {
      name: 'confirm MFA enrolment',
      role: 'leader',
      method: 'PUT',
      path: '/api/account/mfa',
      valid: { code: '123456' },
      bad: { code: ['', 'abcdef', '1234567', null, 123456] },
    },
    {
      name: 'create a user',
      role: 'security',
      method: 'POST',
      path: '/api/admin/users',
      valid: { username: 'corpus-new', displayName: '语料新用户', role: 'leader' },
      bad: {
        username: ['a', 'x'.repeat(100), SQL, SCRIPT, '', null, 'rel-official'],
        role: ['root', '', null, 'ADMIN '],
        departmentCode: ['fgw', 'no-such-dept'],
        displayName: ['', 'x'.repeat(100)],
      },
    },
    {
      name: 'change a user',
      role: 'security',
      method: 'PATCH',
      path: `/api/admin/users/${ids.userId}`,
      valid: { displayName: '语料改名' },
      bad: {
        displayName: ['', 'x'.repeat(100), 7],
        role: ['superuser', '', null],
        departmentCode: ['no-such-dept', SQL],
      },
    },
    {
      name: 'create a department',
      role: 'admin',
      method: 'POST',
      path: '/api/admin/departments',
      valid: { code: 'corpus-dept', name: '语料测试局', shortName: '语料局' },
      bad: { code: ['A B', 'x', SQL, 'fgw'], name: ['', 'x'.repeat(50)], shortName: ['', 'x'.repeat(20)] },
    },
    {
      name: 'change a department',
      role: 'admin',
      method: 'PATCH',
      path: `/api/admin/departments/${ids.departmentId}`,
      valid: { name: '语料改名局' },
      bad: { name: ['', 'x'.repeat(50), null], isActive: ['yes', 2] },
    },
    {
      name: 'create an indicator',
      role: 'admin',
      method: 'POST',
      path: '/api/admin/indicators',
      valid: { code: 'CORPUS-NEW' },
      bad: { code: ['', SQL, 'x'.repeat(100), 'INV-PROJECTS'] },
    },
    {
      name: 'change an indicator',
      role: 'admin',
      method: 'PATCH',
      path: '/api/admin/indicators/INV-PROJECTS',
      valid: { version: ids.indicatorVersion, name: '语料改名' },
      bad: {
        name: ['', 'x'.repeat(300)],
        version: [0, 'x', ids.indicatorVersion + 5],
        unit: ['', 'x'.repeat(50)],
        kind: ['ratio'],
      },
    },
    {
      name: 'delete an indicator with figures',
      role: 'admin',
      method: 'DELETE',
      path: '/api/admin/indicators/INV-PROJECTS',
      valid: { version: ids.indicatorVersion },
      bad: { version: [0, 'x', null, ids.indicatorVersion] },
    },
    {
      name: 'save a target',
      role: 'admin',
      method: 'PUT',
      path: '/api/admin/targets',
      valid: { indicatorCode: 'INV-PROJECTS', year: 2026 },
      bad: { year: [1999, 'x', 2026.5], indicatorCode: ['NO-SUCH', SQL] },
    },
    {
      name: 'save the settings',
      role: 'admin',
      method: 'PUT',
      path: '/api/admin/settings',
      valid: { progressPoints: 10 },
      bad: { progressPoints: [-1, 'x', 1000], dueDay: [0, 40, 'x'] },
    },
    {
      name: 'write a 批示',
      role: 'leader',
      method: 'POST',
      path: '/api/indicators/INV-PROJECTS/instructions',
      valid: { body: '请加快项目进度' },
      bad: { body: ['', ' ', 'x'.repeat(5000), 12, null] },
    },
    {
      name: 'verify against a checkpoint',
      role: 'auditor',
      method: 'POST',
      path: '/api/audit/verify',
      valid: {
        kind: 'zhuashou.audit-checkpoint',
        version: 1,
        count: 1,
        headId: 1,
        headHash: '0'.repeat(64),
        createdAt: '2026-01-01T00:00:00Z',
        createdBy: 'x',
      },
      bad: { headHash: ['zz', ''], count: [-1, 'x'], kind: ['other'] },
    },
    {
      name: 'close a period',
      role: 'admin',
      method: 'POST',
      path: '/api/periods/lock',
      valid: { period: ids.period, reason: '关账' },
      bad: { period: ['2025-13', '', null, SQL], reason: ['x'.repeat(501)] },
    },
  ];
}

const encode = (value: unknown) => JSON.stringify(value);

function bodyCases(e: Endpoint): CorpusCase[] {
  const base = { role: e.role, method: e.method, path: e.path };
  const { version: _v, ...withoutVersion } = e.valid;
  return [
    { ...base, name: `${e.name}: text/plain body`, contentType: 'text/plain', body: encode(e.valid) },
    { ...base, name: `${e.name}: no content type`, body: encode(e.valid) },
    {
      ...base,
      name: `${e.name}: form-encoded body`,
      contentType: 'application/x-www-form-urlencoded',
      body: 'a=1&b=2',
    },
    { ...base, name: `${e.name}: broken JSON`, contentType: 'application/json', body: '{"value": "1",' },
    { ...base, name: `${e.name}: empty body`, contentType: 'application/json', body: '' },
    { ...base, name: `${e.name}: a JSON array`, contentType: 'application/json', body: '[]' },
    { ...base, name: `${e.name}: a JSON string`, contentType: 'application/json', body: '"x"' },
    { ...base, name: `${e.name}: JSON null`, contentType: 'application/json', body: 'null' },
    {
      ...base,
      name: `${e.name}: 100 kB body`,
      contentType: 'application/json',
      body: encode({ ...e.valid, note: 'x'.repeat(100_000) }),
    },
    {
      ...base,
      name: `${e.name}: __proto__ key`,
      contentType: 'application/json',
      body: encode(e.valid).replace(/^\{/, '{"__proto__":{"isAdmin":true},'),
    },
    {
      ...base,
      name: `${e.name}: constructor key`,
      contentType: 'application/json',
      body: encode(e.valid).replace(/^\{/, '{"constructor":{"prototype":{"x":1}},'),
    },
    {
      ...base,
      name: `${e.name}: an extra field`,
      contentType: 'application/json',
      body: encode({ ...e.valid, isSuperuser: true }),
    },
    {
      ...base,
      name: `${e.name}: missing fields`,
      contentType: 'application/json',
      body: encode('version' in e.valid ? withoutVersion : {}),
    },
    {
      ...base,
      name: `${e.name}: not UTF-8`,
      contentType: 'application/json',
      body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]).buffer,
    },
  ];
}

function fieldCases(e: Endpoint): CorpusCase[] {
  return Object.entries(e.bad).flatMap(([field, values]) =>
    values.map((value, i) => ({
      role: e.role,
      method: e.method,
      path: e.path,
      name: `${e.name}: ${field} #${i + 1} ${JSON.stringify(value)?.slice(0, 30)}`,
      contentType: 'application/json',
      body: encode({ ...e.valid, [field]: value }),
    })),
  );
}

function multipart(parts: { name: string; filename?: string; type?: string; content: string }[]): {
  contentType: string;
  body: string;
} {
  const boundary = 'corpusBoundary7MA4YWxk';
  const body = parts
    .map(
      (p) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n${p.content}\r\n`,
    )
    .join('');
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: `${body}--${boundary}--\r\n` };
}

function importCases(): CorpusCase[] {
  const base = { role: 'official' as const, method: 'POST', path: '/api/imports/actuals' };
  return [
    { ...base, name: 'import: a JSON body', contentType: 'application/json', body: '{"mode":"commit"}' },
    { ...base, name: 'import: no file', ...multipart([{ name: 'mode', content: 'commit' }]) },
    {
      ...base,
      name: 'import: a text file that is not a spreadsheet',
      ...multipart([
        { name: 'mode', content: 'commit' },
        { name: 'file', filename: 'a.xlsx', type: 'application/octet-stream', content: 'not a spreadsheet at all' },
      ]),
    },
    {
      ...base,
      name: 'import: an unknown mode',
      ...multipart([
        { name: 'mode', content: 'overwrite' },
        { name: 'file', filename: 'a.csv', type: 'text/csv', content: 'code,period,value\nINV-PROJECTS,2026-01,1' },
      ]),
    },
    {
      ...base,
      name: 'import: a CSV of bad rows',
      ...multipart([
        { name: 'mode', content: 'commit' },
        {
          name: 'file',
          filename: 'a.csv',
          type: 'text/csv',
          content: '指标编码,填报期,实绩值\nNO-SUCH,2025-13,abc\n=cmd|calc,x,1e999',
        },
      ]),
    },
    {
      ...base,
      name: 'import: an unknown kind',
      path: '/api/imports/users',
      ...multipart([{ name: 'mode', content: 'commit' }]),
    },
    {
      ...base,
      name: 'import by a leader (not allowed)',
      role: 'leader',
      ...multipart([{ name: 'mode', content: 'commit' }]),
    },
  ];
}

function pathCases(ids: CorpusIds): CorpusCase[] {
  const body = encode({ version: 1 });
  const post = (name: string, path: string, role: CorpusCase['role'] = 'reviewer', given = body): CorpusCase => ({
    name,
    role,
    method: 'POST',
    path,
    contentType: 'application/json',
    body: given,
  });
  return [
    post('answer a 批示 that does not exist', '/api/instructions/99999999/answers', 'official'),
    post('answer a 批示: an id that is not a number', '/api/instructions/abc/answers', 'official'),
    post(
      'a user action that does not exist',
      `/api/admin/users/${ids.userId}`,
      'security',
      encode({ action: 'promote' }),
    ),
    post(
      'a user action in the query string (actions travel in the body)',
      `/api/admin/users/${ids.userId}?action=disable`,
      'security',
    ),
    post(
      'a user action on a user that does not exist',
      '/api/admin/users/99999999',
      'security',
      encode({ action: 'disable' }),
    ),
    post(
      'a user action by an official (not allowed)',
      `/api/admin/users/${ids.userId}`,
      'official',
      encode({ action: 'reset' }),
    ),
    post('retire an indicator with a stale version', '/api/admin/indicators/INV-PROJECTS', 'admin'),
    post('review: an id that is not a number', '/api/actuals/abc/approve'),
    post('review: a negative id', '/api/actuals/-1/approve'),
    post('review: an id that does not exist', '/api/actuals/99999999/approve'),
    post('review: an unknown action', `/api/actuals/${ids.submitted.id}/delete`),
    post('review: SQL in the id', `/api/actuals/${encodeURIComponent('1 OR 1=1')}/approve`),
    post('review by an official (not allowed)', `/api/actuals/${ids.submitted.id}/approve`, 'official'),
    post('reopen by a leader (not allowed)', `/api/actuals/${ids.approved.id}/reopen`, 'leader'),
  ];
}

export function buildCorpus(ids: CorpusIds): CorpusCase[] {
  const list = endpoints(ids);
  return [...list.flatMap(bodyCases), ...list.flatMap(fieldCases), ...pathCases(ids), ...importCases()];
}
