import { Select, TextInput } from '@mantine/core';
import type { Dispatch, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';

/** What registering and correcting a person both ask: names in both scripts, birth, sex, nationality, language, contacts. */
export interface PersonFieldValues {
  latinName: string;
  arabicName: string;
  birthDate: string;
  birthYear: string;
  sex: '' | 'female' | 'male';
  nationality: string;
  preferredLanguage: 'ar' | 'fr' | 'en' | 'es';
  phone: string;
  email: string;
}

/** Each language in its own words, as a person recognises their own. */
export const LANGUAGE_NAMES: Record<PersonFieldValues['preferredLanguage'], string> = { ar: 'العربية', fr: 'Français', en: 'English', es: 'Español' };

/** The person's fields, to place inside the caller's grid; `setForm` updates the caller's wider form. */
export function PersonFields<F extends PersonFieldValues>({ form, setForm }: { form: F; setForm: Dispatch<SetStateAction<F>> }) {
  const { t } = useTranslation();
  // Read the value now: React may run the updater after the event's currentTarget is gone.
  const set = (k: keyof PersonFieldValues) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setForm((f) => ({ ...f, [k]: value }));
  };
  return (
    <>
      <TextInput label={t('person.latinName')} value={form.latinName} onChange={set('latinName')} dir="ltr" />
      <TextInput label={t('person.arabicName')} value={form.arabicName} onChange={set('arabicName')} dir="rtl" lang="ar" />
      <TextInput type="date" label={t('person.birthDate')} value={form.birthDate} onChange={set('birthDate')} />
      <TextInput label={t('person.birthYear')} description={t('person.birthYearHint')} value={form.birthYear} onChange={set('birthYear')} inputMode="numeric" maxLength={4} />
      <Select
        label={t('person.sex')}
        value={form.sex || null}
        onChange={(v) => setForm((f) => ({ ...f, sex: (v ?? '') as PersonFieldValues['sex'] }))}
        data={[
          { value: 'female', label: t('person.sexes.female') },
          { value: 'male', label: t('person.sexes.male') },
        ]}
        clearable
      />
      <TextInput label={t('person.nationality')} description={t('person.nationalityHint')} value={form.nationality} onChange={set('nationality')} maxLength={2} dir="ltr" />
      <Select
        label={t('person.language')}
        value={form.preferredLanguage}
        allowDeselect={false}
        onChange={(v) => setForm((f) => ({ ...f, preferredLanguage: (v ?? 'fr') as PersonFieldValues['preferredLanguage'] }))}
        data={Object.entries(LANGUAGE_NAMES).map(([value, label]) => ({ value, label }))}
      />
      <TextInput label={t('person.phone')} value={form.phone} onChange={set('phone')} type="tel" placeholder="+212…" dir="ltr" />
      <TextInput label={t('person.email')} value={form.email} onChange={set('email')} type="email" dir="ltr" />
    </>
  );
}
