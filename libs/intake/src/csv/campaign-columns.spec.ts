import { COLUMN_NAMES, readCampaignRow, readHeader } from './campaign-columns';

const CATEGORIES = ['residence_five_years', 'work_contract'];
const header = [...COLUMN_NAMES];
const { map } = readHeader(header);
const row = (over: Partial<Record<(typeof COLUMN_NAMES)[number], string>> = {}) => {
  const base: Record<string, string> = {
    latin_name: 'Aminata Diallo', arabic_name: '', sex: 'F', birth_date: '1990-02-28', nationality: 'sn', document_type: 'passport',
    document_number: 'a 1234-567', issuing_country: '', phone: '06 12 34 56 78', email: 'a.diallo@example.org', preferred_language: '', category: 'work_contract',
  };
  return COLUMN_NAMES.map((c) => over[c] ?? base[c]!);
};
const read = (r: string[]) => readCampaignRow(r, 7, map, header.length, CATEGORIES, 2026);

describe('a campaign CSV row', () => {
  it('reads a good row into a person, normalised', () => {
    expect(read(row())).toEqual({
      person: {
        latinName: 'Aminata Diallo', arabicName: null, sex: 'female', birthDate: { year: 1990, month: 2, day: 28 }, nationality: 'SN',
        documentType: 'passport', documentNumber: 'a 1234-567', issuingCountry: 'SN', phone: '+212612345678', email: 'a.diallo@example.org',
        preferredLanguage: 'fr', category: 'work_contract',
      },
    });
  });

  it('accepts a partial date of birth and an Arabic name alone', () => {
    const r = read(row({ latin_name: '', arabic_name: 'أميناتا', birth_date: '1990' }));
    expect('person' in r && r.person).toMatchObject({ latinName: null, arabicName: 'أميناتا', birthDate: { year: 1990 } });
  });

  it.each([
    [{ latin_name: '', arabic_name: '' }, 'latin_name', 'NAME_MISSING'],
    [{ sex: 'x' }, 'sex', 'SEX_INVALID'],
    [{ birth_date: '' }, 'birth_date', 'BIRTH_DATE_MISSING'],
    [{ birth_date: '1990-02-30' }, 'birth_date', 'BIRTH_DATE_INVALID'],
    [{ birth_date: '2031-01-01' }, 'birth_date', 'BIRTH_DATE_INVALID'],
    [{ nationality: 'XX' }, 'nationality', 'NATIONALITY_INVALID'],
    [{ document_type: 'visa' }, 'document_type', 'DOCUMENT_TYPE_INVALID'],
    [{ document_number: '1-2' }, 'document_number', 'DOCUMENT_NUMBER_INVALID'],
    [{ issuing_country: 'ZZ' }, 'issuing_country', 'ISSUING_COUNTRY_INVALID'],
    [{ phone: '12345' }, 'phone', 'PHONE_INVALID'],
    [{ email: 'a@b' }, 'email', 'EMAIL_INVALID'],
    [{ preferred_language: 'de' }, 'preferred_language', 'LANGUAGE_INVALID'],
    [{ category: 'tourist' }, 'category', 'CATEGORY_INVALID'],
  ])('%j is refused at %s with %s', (over, column, code) => {
    expect(read(row(over))).toEqual({ errors: [{ line: 7, column, code }] });
  });

  it('lists every problem of a line at once, and a line of the wrong width as malformed', () => {
    expect(read(row({ sex: 'x', email: 'no' }))).toEqual({ errors: [{ line: 7, column: 'sex', code: 'SEX_INVALID' }, { line: 7, column: 'email', code: 'EMAIL_INVALID' }] });
    expect(read(['a', 'b'])).toEqual({ errors: [{ line: 7, column: '*', code: 'ROW_MALFORMED' }] });
  });

  it('refuses a header with unknown or missing columns', () => {
    expect(readHeader(['latin_name', 'surname'])).toMatchObject({ unknown: ['surname'], missing: expect.arrayContaining(['arabic_name', 'category']) });
  });
});
