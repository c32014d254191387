/** ISO 3166-1 alpha-2 codes of the countries and territories a right holder may live in. */
const CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ ' +
  'BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM ' +
  'DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS ' +
  'GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN ' +
  'KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ ' +
  'MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM ' +
  'PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV ' +
  'SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI ' +
  'VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

export interface Country {
  code: string;
  name: string;
}

/** Every country named in `locale`, Japan first, the others in that language's order. */
export function countriesIn(locale: string): Country[] {
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  const collator = new Intl.Collator(locale);
  const all = CODES.map((code) => ({ code, name: names.of(code) ?? code }));
  const japan = all.filter((country) => country.code === 'JP');
  const others = all
    .filter((country) => country.code !== 'JP')
    .sort((a, b) => collator.compare(a.name, b.name));
  return [...japan, ...others];
}

export interface RightHolderForm {
  name: string;
  country: string;
  ipiNameNumber: string;
}

export type RightHolderField = keyof RightHolderForm;

/** What is wrong with the form before it is sent, field by field (message keys). */
export function rightHolderProblems(
  form: RightHolderForm,
): { field: RightHolderField; problem: 'nameMissing' | 'countryMissing' | 'ipiShape' }[] {
  const problems: ReturnType<typeof rightHolderProblems> = [];
  if (!form.name.trim()) problems.push({ field: 'name', problem: 'nameMissing' });
  if (!/^[A-Z]{2}$/.test(form.country))
    problems.push({ field: 'country', problem: 'countryMissing' });
  const ipi = form.ipiNameNumber.replace(/\s/g, '');
  if (ipi && !/^\d{9,11}$/.test(ipi))
    problems.push({ field: 'ipiNameNumber', problem: 'ipiShape' });
  return problems;
}

/** The field an answer of the identity service is about, from its sentence. */
export function fieldOfAnswer(detail: string | undefined): RightHolderField | undefined {
  if (!detail) return undefined;
  if (/^name\b/i.test(detail)) return 'name';
  if (/^country\b/i.test(detail)) return 'country';
  if (/ipi/i.test(detail)) return 'ipiNameNumber';
  return undefined;
}
