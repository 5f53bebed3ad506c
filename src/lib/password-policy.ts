import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { badRequest } from './errors.js';

export const PASSWORD_MIN_LENGTH = 12;

/** Whose password it is: their own names may not make it up. */
export interface PasswordOwner {
  username: string;
  fullName?: string | undefined;
}

let factory: ZxcvbnFactory | undefined;
/** Built on first use: the common-password and word lists take a moment to load. */
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary },
    graphs: common.adjacencyGraphs,
  });
  return factory;
}

const plain = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

/** The owner's names as zxcvbn should know them: the username and its parts, the full name's words, with and without marks. */
function ownNames(owner: PasswordOwner): string[] {
  const names = new Set<string>();
  const add = (value: string): void => {
    const trimmed = value.trim().toLowerCase();
    // Short words ("văn", "thị") are in half the names; they would refuse half the good passwords.
    if ([...trimmed].length >= 4) {
      names.add(trimmed);
      names.add(plain(trimmed));
    }
  };
  add(owner.username);
  owner.username.split(/[._\-@\s]+/).forEach(add);
  if (owner.fullName) {
    add(owner.fullName.replace(/\s+/g, ''));
    owner.fullName.split(/\s+/).forEach(add);
  }
  return [...names];
}

/** Why a password is refused (Vietnamese), or null when it is acceptable. */
export function passwordWeakness(password: string, owner: PasswordOwner): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return `Mật khẩu cần ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`;
  const names = ownNames(owner);
  const lowered = plain(password);
  if (names.some((name) => lowered.includes(plain(name))))
    return 'Mật khẩu không được chứa tên đăng nhập hoặc họ tên của bạn.';
  const result = zxcvbn().check(password, names);
  if (
    result.sequence.some((match) => match.pattern === 'dictionary' && match.dictionaryName === 'userInputs')
  )
    return 'Mật khẩu không được chứa tên đăng nhập hoặc họ tên của bạn.';
  if (result.score < 3)
    return 'Mật khẩu quá dễ đoán (mật khẩu phổ biến, dãy phím hoặc mẫu lặp lại). Hãy dùng một cụm từ dài hơn, khó đoán hơn.';
  return null;
}

/** Throws a 400 naming the field when the password does not meet the policy. */
export function assertStrongPassword(password: string, owner: PasswordOwner, field: string): void {
  const weakness = passwordWeakness(password, owner);
  if (weakness) throw badRequest('weak_password', weakness, [{ field, message: weakness }]);
}
