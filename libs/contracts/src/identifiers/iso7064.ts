const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * ISO/IEC 7064 MOD 37,36 (hybrid system over 0-9A-Z): the check character of `data`.
 * `data` holds only digits and upper-case letters.
 */
export function mod37_36(data: string): string {
  const modulus = 36;
  let product = modulus;
  for (const character of data) {
    const value = ALPHANUMERIC.indexOf(character);
    if (value < 0) throw new Error(`not alphanumeric: ${character}`);
    let sum = (product + value) % modulus;
    if (sum === 0) sum = modulus;
    product = (sum * 2) % (modulus + 1);
  }
  return ALPHANUMERIC[(modulus + 1 - product) % modulus]!;
}
