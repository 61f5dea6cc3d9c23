import { ar } from './messages/ar';
import { en } from './messages/en';
import { es } from './messages/es';
import { fr } from './messages/fr';
import { INTAKE_MESSAGES as intake } from './messages/intake';
import { PERSON_RECORDS_MESSAGES as records } from './messages/person-records';
import { SUPERVISOR_TOOLS_MESSAGES as tools } from './supervisor-tools.messages';

/** The main words of each language, with the feature modules beside them (their history steps among the actions). */
function withFeatures<M extends { actions: Record<string, string> }>(main: M, lang: keyof typeof tools) {
  const { history, ...features } = tools[lang];
  return { ...main, ...features, ...records[lang], ...intake[lang], actions: { ...main.actions, ...history } };
}

export const APP_MESSAGES = { ar: withFeatures(ar, 'ar'), fr: withFeatures(fr, 'fr'), en: withFeatures(en, 'en'), es: withFeatures(es, 'es') } as const;
