/**
 * Every route under app/api × every kind of actor → the answer expected. Reads expect 200 where allowed;
 * writes are sent an empty JSON object, so an allowed actor gets 400 (past authorization, refused by
 * validation) and nothing is written. 403 where the role may not, 401 for anonymous.
 */
export const ACTORS = [
  'anonymous',
  'admin',
  'security',
  'officialA',
  'officialB',
  'reviewerA',
  'leader',
  'auditor',
] as const;
export type MatrixActor = (typeof ACTORS)[number];

export interface MatrixIds {
  userId: number;
  departmentId: number;
  submittedActualId: number;
  auditEventId: number;
  year: number;
}

export interface MatrixRow {
  method: string;
  path: string;
  /** Expected status for each signed-in actor (anonymous always expects 401 unless given). */
  expect: Partial<Record<MatrixActor, number>> & { default: number };
  body?: 'empty-json';
}

const r = (method: string, path: string, expect: MatrixRow['expect'], body?: MatrixRow['body']): MatrixRow => ({
  method,
  path,
  expect,
  body,
});
const everyone = (status: number) => ({ default: status });
const only = (status: number, ...actors: MatrixActor[]) => ({
  default: 403,
  ...Object.fromEntries(actors.map((a) => [a, status])),
});

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The foreign-Origin column: every state-changing route of the matrix, plus the writes the matrix cannot send
 * from the right origin without changing its own sessions (sign-out, TOTP enrolment) and next-auth's own.
 * From another origin each answers 403 for every actor, and nothing is stored.
 */
export function stateChangingRows(ids: MatrixIds): MatrixRow[] {
  return [
    ...matrixRows(ids).filter((row) => !SAFE_METHODS.has(row.method)),
    r('POST', '/api/account/sign-out', everyone(403), 'empty-json'),
    r('POST', '/api/account/mfa', everyone(403), 'empty-json'),
    r('POST', '/api/auth/callback/credentials', everyone(403)),
    r('POST', '/api/auth/signout', everyone(403)),
  ];
}

export function matrixRows(ids: MatrixIds): MatrixRow[] {
  const y = ids.year;
  return [
    r('GET', `/api/overview?year=${y}`, everyone(200)),
    r('GET', `/api/overview/ranking?year=${y}`, everyone(200)),
    r('GET', '/api/areas/investment', everyone(200)),
    r('GET', '/api/areas/no-such-area', everyone(404)),
    r('GET', '/api/indicators/INV-PROJECTS', everyone(200)),
    r('GET', '/api/indicators/NO-SUCH', everyone(404)),
    r('GET', '/api/review', everyone(200)),
    r('GET', '/api/overdue', everyone(200)),
    r('GET', '/api/screen', only(200, 'admin', 'leader', 'auditor')),
    r('GET', '/api/departments', only(200, 'admin', 'leader', 'auditor')),
    r('GET', '/api/departments/fgw', only(200, 'admin', 'leader', 'auditor', 'officialA', 'reviewerA')),
    r('GET', '/api/departments/swj', only(200, 'admin', 'leader', 'auditor', 'officialB')),
    r('GET', '/api/entry', only(200, 'officialA', 'officialB')),
    r('GET', '/api/approvals', only(200, 'reviewerA')),
    r('GET', '/api/audit', only(200, 'auditor')),
    r('GET', `/api/audit/${ids.auditEventId}`, only(200, 'auditor')),
    r('GET', '/api/audit/verify', only(200, 'auditor')),
    r('POST', '/api/audit/verify', only(400, 'auditor'), 'empty-json'),
    r('GET', '/api/audit/checkpoint', only(200, 'auditor')),
    r('GET', `/api/exports/audit?check=1&from=${y}-01-01&to=${y}-12-31`, only(200, 'auditor')),
    r('GET', `/api/exports/records?check=1&year=${y}`, only(200, 'auditor', 'leader')),
    r('GET', '/api/exports/indicators/INV-PROJECTS?check=1', only(200, 'auditor')),
    r('GET', '/api/bulletins', only(200, 'admin', 'leader', 'auditor')),
    // An empty body names the missing year: past authorization, nothing generated or stored.
    r('POST', '/api/bulletins', only(400, 'admin', 'leader', 'auditor'), 'empty-json'),
    r('GET', '/api/bulletins/999999/docx', only(404, 'admin', 'leader', 'auditor')),
    r('GET', '/api/bulletins/999999/pdf', only(404, 'admin', 'leader', 'auditor')),
    // Only the auditor sees the alerts about auditor accounts (三员分立).
    r('GET', '/api/audit/alerts', only(200, 'auditor')),
    r('POST', '/api/audit/alerts', only(400, 'auditor'), 'empty-json'),
    // Accounts are the security administrator's; departments the system administrator's (both list them).
    r('GET', '/api/admin/users', only(200, 'security')),
    r('POST', '/api/admin/users', only(400, 'security'), 'empty-json'),
    r('PATCH', `/api/admin/users/${ids.userId}`, only(400, 'security'), 'empty-json'),
    r('POST', `/api/admin/users/${ids.userId}`, only(400, 'security'), 'empty-json'),
    r('GET', '/api/admin/departments', only(200, 'admin', 'security')),
    r('POST', '/api/admin/departments', only(400, 'admin'), 'empty-json'),
    r('PATCH', `/api/admin/departments/${ids.departmentId}`, only(400, 'admin'), 'empty-json'),
    r('GET', '/api/admin/indicators', only(200, 'admin')),
    r('POST', '/api/admin/indicators', only(400, 'admin'), 'empty-json'),
    r('PATCH', '/api/admin/indicators/INV-PROJECTS', only(400, 'admin'), 'empty-json'),
    r('POST', '/api/admin/indicators/INV-PROJECTS', only(400, 'admin'), 'empty-json'),
    r('DELETE', '/api/admin/indicators/INV-PROJECTS', only(400, 'admin'), 'empty-json'),
    r('GET', `/api/admin/settings?year=${y}`, only(200, 'admin')),
    r('PUT', '/api/admin/settings', only(400, 'admin'), 'empty-json'),
    r('GET', '/api/admin/reminders', only(200, 'admin')),
    r('GET', '/api/admin/reminders/settings', only(200, 'admin')),
    r('PUT', '/api/admin/reminders/settings', only(400, 'admin'), 'empty-json'),
    r('POST', '/api/admin/reminders/0/retry', only(404, 'admin'), 'empty-json'),
    r('GET', `/api/admin/targets?year=${y}`, only(200, 'admin')),
    r('PUT', '/api/admin/targets', only(400, 'admin'), 'empty-json'),
    r('PUT', '/api/actuals', only(400, 'officialA', 'officialB'), 'empty-json'),
    // Department B's official and reviewer A's own role are told apart by the data layer, not the route.
    r('POST', `/api/actuals/${ids.submittedActualId}/approve`, only(400, 'reviewerA'), 'empty-json'),
    r('POST', `/api/actuals/${ids.submittedActualId}/return`, only(400, 'reviewerA'), 'empty-json'),
    r('POST', `/api/actuals/${ids.submittedActualId}/reopen`, only(400, 'admin'), 'empty-json'),
    r('POST', '/api/periods/lock', only(400, 'admin'), 'empty-json'),
    r('DELETE', '/api/periods/lock', only(400, 'admin'), 'empty-json'),
    r('GET', '/api/imports/actuals/template', only(200, 'officialA', 'officialB', 'admin')),
    r('GET', '/api/imports/targets/template', only(200, 'admin')),
    // Allowed roles get past authorization to the upload check: a JSON body is not a multipart upload.
    r('POST', '/api/imports/actuals', only(415, 'officialA', 'officialB', 'admin'), 'empty-json'),
    r('POST', '/api/indicators/INV-PROJECTS/instructions', only(400, 'leader'), 'empty-json'),
    r('POST', '/api/instructions/999999/answers', only(400, 'officialA', 'officialB', 'reviewerA'), 'empty-json'),
    r('GET', '/api/departments/no-such-dept', everyone(404)),
    // Units (县区): read by every signed-in role; administered by the system administrator.
    r('GET', `/api/units?year=${y}`, everyone(200)),
    r('GET', '/api/units/luzhou', everyone(200)),
    r('GET', '/api/units/no-such-unit', everyone(404)),
    r('GET', '/api/indicators/INV-PROJECTS/units', everyone(200)),
    r('GET', '/api/admin/units', only(200, 'admin')),
    r('POST', '/api/admin/units', only(400, 'admin'), 'empty-json'),
    r('PATCH', '/api/admin/units/luzhou', only(400, 'admin'), 'empty-json'),
    r('PUT', '/api/admin/indicators/INV-PROJECTS/rollup', only(400, 'admin'), 'empty-json'),
    r('GET', `/api/admin/targets/INV-PROJECTS/units?year=${y}`, only(200, 'admin')),
    r('PUT', '/api/admin/targets/INV-PROJECTS/units', only(400, 'admin'), 'empty-json'),
    r('POST', '/api/account/password', everyone(400), 'empty-json'),
    r('PUT', '/api/account/mfa', everyone(400), 'empty-json'),
    r('GET', '/api/health', { default: 200, anonymous: 200 }),
    r('GET', '/api/auth/csrf', { default: 200, anonymous: 200 }),
  ];
}
