import { NativeSelect, useDirection } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, directionOf, isLanguage } from '../i18n/languages';

/** A native select: the phone's own picker, big and familiar. */
export function LanguageSwitcher() {
  const { i18n, t } = useTranslation();
  const { setDirection } = useDirection();
  return (
    <NativeSelect
      aria-label={t('common.language')}
      value={i18n.language}
      size="md"
      w={130}
      onChange={(e) => {
        const next = e.currentTarget.value;
        if (!isLanguage(next)) return;
        void i18n.changeLanguage(next);
        setDirection(directionOf(next));
      }}
      data={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))}
    />
  );
}
