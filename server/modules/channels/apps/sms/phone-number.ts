/**
 * Phone numbers to E.164 (`+` and 8 to 15 digits, no leading zero), the form SMS gateways send and
 * expect. No library: libphonenumber is not a dependency and its metadata is large, and Hallway only
 * needs to compare numbers, not validate them per country. So the rules are deliberately few:
 *
 * - spaces, dashes, dots, slashes and brackets are dropped; a `tel:` prefix too, and the `(0)` some
 *   write after the country code (`+44 (0)20 ...`), a trunk digit never dialled from abroad;
 * - `+` or the international prefix `00` starts a full number;
 * - anything else is a national number: it needs the connection's default country code (`44`),
 *   and a single leading trunk `0` is dropped (`020 7946 0958` -> `+442079460958`). Countries
 *   that keep the 0 (Italy) must store their people's numbers in full international form;
 * - letters, extensions or too few/many digits: not a number (null).
 */
export function toE164(input: string, defaultCountryCode?: string | null): string | null {
  const compact = input.trim().replace(/^tel:/i, '').replace(/\(0\)/g, '').replace(/[\s\-./()]/g, '');
  let digits: string;
  if (compact.startsWith('+')) digits = compact.slice(1);
  else if (compact.startsWith('00')) digits = compact.slice(2);
  else {
    const country = defaultCountryCode?.replace(/^\+/, '');
    if (!country || !/^[1-9][0-9]{0,2}$/.test(country)) return null;
    digits = country + compact.replace(/^0/, '');
  }
  return /^[1-9][0-9]{7,14}$/.test(digits) ? `+${digits}` : null;
}

/** The last digits used to find candidates in the directory before comparing whole numbers. */
export function matchingSuffix(e164: string): string {
  return e164.slice(-7);
}
