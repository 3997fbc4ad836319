/**
 * Bad input for every write endpoint: the same body-level attacks on each (content types, broken JSON,
 * oversized bodies, prototype-pollution keys, extra and missing fields) and field-level bad values.
 */
export interface CorpusIds {
  submitted: { id: number; version: number };
  approved: { id: number; version: number };
  period: string;
}

export interface CorpusCase {
  name: string;
  role: 'official' | 'reviewer' | 'admin' | 'leader' | 'auditor';
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
        value: ['abc', '', ' ', 'NaN', 'Infinity', '-Infinity', '1e999', '1e5', '12..3', '1,02,7', '9'.repeat(10_240), SQL, SCRIPT, '１２a', '1\u0000', true, {}, [], -1e308, '99999999999999'],
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
    { ...base, name: `${e.name}: form-encoded body`, contentType: 'application/x-www-form-urlencoded', body: 'a=1&b=2' },
    { ...base, name: `${e.name}: broken JSON`, contentType: 'application/json', body: '{"value": "1",' },
    { ...base, name: `${e.name}: empty body`, contentType: 'application/json', body: '' },
    { ...base, name: `${e.name}: a JSON array`, contentType: 'application/json', body: '[]' },
    { ...base, name: `${e.name}: a JSON string`, contentType: 'application/json', body: '"x"' },
    { ...base, name: `${e.name}: JSON null`, contentType: 'application/json', body: 'null' },
    { ...base, name: `${e.name}: 100 kB body`, contentType: 'application/json', body: encode({ ...e.valid, note: 'x'.repeat(100_000) }) },
    { ...base, name: `${e.name}: __proto__ key`, contentType: 'application/json', body: encode(e.valid).replace(/^\{/, '{"__proto__":{"isAdmin":true},') },
    { ...base, name: `${e.name}: constructor key`, contentType: 'application/json', body: encode(e.valid).replace(/^\{/, '{"constructor":{"prototype":{"x":1}},') },
    { ...base, name: `${e.name}: an extra field`, contentType: 'application/json', body: encode({ ...e.valid, role: 'admin' }) },
    { ...base, name: `${e.name}: missing fields`, contentType: 'application/json', body: encode('version' in e.valid ? withoutVersion : {}) },
    { ...base, name: `${e.name}: not UTF-8`, contentType: 'application/json', body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]).buffer },
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

function pathCases(ids: CorpusIds): CorpusCase[] {
  const body = encode({ version: 1 });
  const post = (name: string, path: string, role: CorpusCase['role'] = 'reviewer'): CorpusCase => ({ name, role, method: 'POST', path, contentType: 'application/json', body });
  return [
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
  return [...list.flatMap(bodyCases), ...list.flatMap(fieldCases), ...pathCases(ids)];
}
