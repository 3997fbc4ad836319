/** Password rules (等保2.0): ≥ 10 characters, 3 of 4 character classes, not the username, not a common password. */
import { isCommonPassword } from './common-passwords';

export const PASSWORD_RULES_TEXT = '密码至少 10 位，包含大写字母、小写字母、数字、符号中的至少 3 类，不得包含用户名，不得是常见密码';

/** All the rules a password breaks, as Chinese messages (empty when it is acceptable). */
export function checkPassword(password: string, username: string): string[] {
  const problems: string[] = [];
  if (password.length < 10) problems.push('密码至少需要 10 个字符');
  if (password.length > 128) problems.push('密码不能超过 128 个字符');
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('密码需包含大写字母、小写字母、数字、符号中的至少 3 类');
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('密码不能包含用户名');
  if (isCommonPassword(password)) problems.push('该密码过于常见，容易被猜到，请换一个');
  return problems;
}
