// C0 controls and DEL. scrypt keys PBKDF2-HMAC with the password, and HMAC pads a short key with
// zero bytes, so `pw` and `pw\0` hash alike: a NUL-suffixed password would log in. No real
// username or password contains a control character, so refuse them all.
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Whether `value` holds a control character (U+0000–U+001F or U+007F).
 * @example
 * hasControlCharacters('bob-password\0'); // true
 */
export function hasControlCharacters(value: string): boolean {
  return CONTROL.test(value);
}
