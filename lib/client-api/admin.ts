/** The admin pages' queries (shared by the server prefetch and the client) and their writes. */
import { queryOptions } from '@tanstack/react-query';
import type { DepartmentSummary } from '@/lib/services/admin/departments';
import type { UserListItem } from '@/lib/services/admin/users';
import { fetchJson } from './client';

export const adminUsersQuery = () =>
  queryOptions({ queryKey: ['admin', 'users'], queryFn: () => fetchJson<UserListItem[]>('/api/admin/users') });

export const adminDepartmentsQuery = () =>
  queryOptions({
    queryKey: ['admin', 'departments'],
    queryFn: () => fetchJson<DepartmentSummary[]>('/api/admin/departments'),
  });

export type UserAction = 'disable' | 'enable' | 'unlock' | 'disable-totp';

const json = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) });

export const adminApi = {
  createUser: (input: Record<string, unknown>) =>
    fetchJson<{ id: number; username: string; password: string }>('/api/admin/users', json('POST', input)),
  updateUser: (id: number, input: Record<string, unknown>) =>
    fetchJson<UserListItem>(`/api/admin/users/${id}`, json('PATCH', input)),
  userAction: (id: number, action: UserAction) =>
    fetchJson<{ ok: true }>(`/api/admin/users/${id}`, json('POST', { action })),
  resetPassword: (id: number) =>
    fetchJson<{ password: string }>(`/api/admin/users/${id}`, json('POST', { action: 'reset' })),
  createDepartment: (input: Record<string, unknown>) =>
    fetchJson<DepartmentSummary>('/api/admin/departments', json('POST', input)),
  updateDepartment: (id: number, input: Record<string, unknown>) =>
    fetchJson<DepartmentSummary>(`/api/admin/departments/${id}`, json('PATCH', input)),
};
