import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/client';
import { APP_MESSAGES } from './app.messages';
import { applyDocumentLanguage, rememberLanguage, type Language } from './languages';

/** i18next for the staff and applicant screens, with <html lang dir> and the API's Accept-Language kept in step. */
export function createAppI18n(lang: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: lang,
    fallbackLng: 'en',
    resources: Object.fromEntries(Object.entries(APP_MESSAGES).map(([code, messages]) => [code, { translation: messages }])),
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  } as Parameters<typeof instance.init>[0]);
  applyDocumentLanguage(lang);
  setApiLanguage(lang);
  instance.on('languageChanged', (next) => {
    applyDocumentLanguage(next as Language);
    rememberLanguage(next as Language);
    setApiLanguage(next);
  });
  return instance;
}
