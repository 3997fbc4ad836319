/**
 * What the login form says for each sign-in error code: one message for a wrong username, a wrong password
 * and a locked account, so the form tells nobody which accounts exist or are locked.
 */
export const SIGN_IN_MESSAGES: Record<string, string> = {
  invalid: '用户名或密码不正确。连续输错 5 次，账号将被锁定 30 分钟（可联系安全管理员解锁）。',
  throttled: '该网络地址登录失败次数过多，请 15 分钟后再试。',
  totp_required: '请输入身份验证器（动态口令）App 中的 6 位验证码，或一次性恢复码。',
  totp_invalid: '动态验证码不正确或已过期，请重新输入。',
  disabled: '账号已停用，请联系安全管理员。',
  CredentialsSignin: '用户名或密码不正确。',
};

export function signInMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  return SIGN_IN_MESSAGES[code] ?? '登录失败，请稍后重试。';
}
