/**
 * Password rules (等保2.0): ≥ 10 characters, 3 of 4 character classes, and not guessable — not a common
 * password or a variant of one (case, leetspeak such as @→a 0→o 1→i/l 3→e $→s, digits and symbols added
 * before or after), not mostly a keyboard walk or a run of consecutive or repeated characters, not containing
 * the username (also reversed or in leetspeak) nor the pinyin of the display name.
 */
import { isCommonPassword } from './common-passwords';
import { spellings } from './pinyin';

export const PASSWORD_RULES_TEXT =
  '密码至少 10 位，包含大写字母、小写字母、数字、符号中的至少 3 类，不得包含用户名或姓名拼音，不得是常见密码或其变形（如 P@ssw0rd2024），不得是键盘上连续的按键（如 qwerty、1qaz2wsx）';

const LEET: Record<string, string[]> = {
  '@': ['a'],
  '4': ['a'],
  '0': ['o'],
  '1': ['i', 'l'],
  '!': ['i', 'l'],
  '|': ['l'],
  '3': ['e'],
  $: ['s'],
  '5': ['s'],
  '7': ['t'],
  '+': ['t'],
  '8': ['b'],
  '9': ['g'],
};

/** The lower-cased text with leet characters read as letters (two variants: 1 and ! as i, then as l). */
function unleet(lower: string): string[] {
  return [0, 1].map((pick) =>
    [...lower]
      .map((c) => {
        const options = LEET[c];
        return options ? (options[pick] ?? options[0] ?? c) : c;
      })
      .join(''),
  );
}

/** The word at the heart of `text`: leading and trailing non-letters removed. */
const stripEnds = (text: string) => text.replace(/^[^a-z]+/, '').replace(/[^a-z]+$/, '');
const stripTail = (text: string) => text.replace(/[^a-z]+$/, '');

/** Every reading of the password the checks compare: as typed, its core, and their leet readings. */
function readings(password: string): string[] {
  const lower = password.toLowerCase();
  const bases = [lower, stripEnds(lower), stripTail(lower)];
  const all = new Set<string>();
  // Letter readings first, so that a message names `password` rather than `p@ssw0rd`.
  for (const base of bases) {
    for (const u of unleet(base)) {
      all.add(stripEnds(u));
      all.add(u);
    }
  }
  for (const base of bases) all.add(base);
  return [...all].filter((r) => r.length > 0);
}

/** The common password this one is a variant of, or null. */
export function commonBase(password: string): string | null {
  for (const reading of readings(password)) {
    if (reading.length >= 4 && isCommonPassword(reading)) return reading;
  }
  // A common number dressed with one or two letters and symbols (Aa5201314!, Ab123456#).
  const lower = password.toLowerCase();
  const digits = lower.replace(/[^0-9]/g, '');
  const letters = lower.replace(/[^a-z]/g, '');
  if (letters.length <= 2 && digits.length >= 6 && (isCommonPassword(digits) || isCheapRun(digits))) return digits;
  return null;
}

const KEY_ROWS = ['`1234567890-=', 'qwertyuiop[]\\', "asdfghjkl;'", 'zxcvbnm,./'];
const SHIFTED: Record<string, string> = {
  '~': '`',
  '!': '1',
  '@': '2',
  '#': '3',
  $: '4',
  '%': '5',
  '^': '6',
  '&': '7',
  '*': '8',
  '(': '9',
  ')': '0',
  _: '-',
  '+': '=',
  '{': '[',
  '}': ']',
  '|': '\\',
  ':': ';',
  '"': "'",
  '<': ',',
  '>': '.',
  '?': '/',
};

/** Pairs of keys next to each other on a QWERTY keyboard (in a row, and diagonally across rows). */
const ADJACENT: ReadonlySet<string> = (() => {
  const pairs = new Set<string>();
  const add = (a: string | undefined, b: string | undefined) => {
    if (a && b) {
      pairs.add(a + b);
      pairs.add(b + a);
    }
  };
  KEY_ROWS.forEach((row, r) => {
    [...row].forEach((key, c) => {
      add(key, row[c + 1]);
      const above = KEY_ROWS[r - 1];
      // Each row sits half a key to the right of the one above: the number row is shifted one further.
      if (above) for (const dc of r === 1 ? [1, 2] : [0, 1]) add(key, above[c + dc]);
    });
  });
  return pairs;
})();

/** True when two characters are neighbours on the keyboard, consecutive (a→b, 3→2) or the same. */
function isCheapStep(a: string, b: string): boolean {
  if (a === b || ADJACENT.has(a + b)) return true;
  return /[a-z0-9]/.test(a) && /[a-z0-9]/.test(b) && Math.abs(a.charCodeAt(0) - b.charCodeAt(0)) === 1;
}

/** True when at least three quarters of the steps are cheap (keyboard walk, sequence, repetition). */
function isCheapRun(text: string): boolean {
  const keys = [...text.toLowerCase()].map((c) => SHIFTED[c] ?? c);
  if (keys.length < 6) return false;
  let cheap = 0;
  for (let i = 1; i < keys.length; i += 1) if (isCheapStep(keys[i - 1] ?? '', keys[i] ?? '')) cheap += 1;
  return cheap / (keys.length - 1) >= 0.75;
}

/** The pinyin of the display name a password may not contain (full name, and given name before surname). */
export function namePinyinParts(displayName: string): string[] {
  const parts = new Set<string>();
  for (const run of displayName.match(/[\u4e00-\u9fff]+/g) ?? []) {
    for (const full of spellings(run)) if (full.length >= 4) parts.add(full);
    const chars = [...run];
    if (chars.length >= 2 && chars.length <= 4) {
      const surname = chars[0] ?? '';
      const given = chars.slice(1).join('');
      for (const g of spellings(given)) {
        if (g.length >= 4) parts.add(g);
        for (const s of spellings(surname)) if ((g + s).length >= 4) parts.add(g + s);
      }
    }
  }
  for (const word of displayName.toLowerCase().match(/[a-z]{4,}/g) ?? []) parts.add(word);
  return [...parts];
}

const reverse = (text: string) => [...text].reverse().join('');

/** All the rules a password breaks, as Chinese messages naming the reason (empty when it is acceptable). */
export function checkPassword(password: string, username: string, displayName = ''): string[] {
  const problems: string[] = [];
  if (password.length < 10) problems.push('密码至少需要 10 个字符');
  if (password.length > 128) problems.push('密码不能超过 128 个字符');
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('密码需包含大写字母、小写字母、数字、符号中的至少 3 类');
  if (password.length > 256) return problems; // not worth reading further
  const lower = password.toLowerCase();
  const all = readings(password);
  const user = username.toLowerCase();
  if (user && lower.includes(user)) problems.push('密码不能包含用户名');
  else if (user.length >= 3 && all.some((r) => r.includes(user) || r.includes(reverse(user)))) {
    problems.push('密码不能包含用户名（包括倒写或用数字、符号替换字母的写法）');
  }
  const name = namePinyinParts(displayName).find((part) => all.some((r) => r.includes(part)));
  if (name) problems.push(`密码不能包含显示名的拼音（${name}）`);
  if (isCommonPassword(password)) problems.push('该密码过于常见，容易被猜到，请换一个');
  else {
    const base = commonBase(password);
    if (base) {
      problems.push(
        `该密码是常见密码「${base}」的变形（改大小写、用 @ 0 1 3 $ 等替换字母、前后加数字或符号），容易被猜到，请换一个`,
      );
    } else if (isCheapRun(password)) {
      problems.push(
        '密码主要由键盘上相邻的按键、连续或重复的字符组成（如 qwerty、1qaz2wsx、abc123、aaaa），容易被猜到',
      );
    }
  }
  return problems;
}
