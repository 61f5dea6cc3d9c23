import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { STATUS_MESSAGES, type StatusMessageKey } from '../i18n/status.messages';
import { LANGUAGES, applyDocumentLanguage, initialLanguage, isLanguage, rememberLanguage, type Language } from '../i18n/languages';
import { lookupStatus, type LookupResult } from './lookup-status';

function translator(lang: Language) {
  return (key: StatusMessageKey, vars: Record<string, string | number> = {}) =>
    STATUS_MESSAGES[lang][key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''));
}

/**
 * The public status page: reference and access code from the receipt, answer in plain words. No login, no
 * personal data on screen. The receipt's QR code opens it with ?ref= filled in; the code is never in the address.
 */
export function StatusPage() {
  const [lang, setLang] = useState<Language>(initialLanguage);
  const t = useMemo(() => translator(lang), [lang]);
  const [reference, setReference] = useState(() => new URLSearchParams(window.location.search).get('ref') ?? '');
  const [accessCode, setAccessCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<LookupResult | null>(null);
  const [missing, setMissing] = useState(false);
  const ids = { ref: useId(), code: useId(), refHint: useId(), codeHint: useId(), lang: useId() };
  const codeInput = useRef<HTMLInputElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const lastAsked = useRef<{ reference: string; accessCode: string } | null>(null);

  useEffect(() => {
    applyDocumentLanguage(lang);
    document.title = `${t('title')} · Masar`;
  }, [lang, t]);

  // With the reference already filled in from the QR code, the applicant types only the code.
  useEffect(() => {
    if (reference) codeInput.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (result?.kind === 'found') resultHeading.current?.focus();
  }, [result]);

  async function ask(ref: string, code: string, language: Language) {
    setBusy(true);
    const r = await lookupStatus(ref, code, language);
    setBusy(false);
    setResult(r);
    if (r.kind === 'found') {
      lastAsked.current = { reference: ref, accessCode: code };
      setAccessCode('');
    }
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!reference.trim() || !accessCode.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    await ask(reference, accessCode, lang);
  }

  function changeLanguage(value: string) {
    if (!isLanguage(value)) return;
    setLang(value);
    rememberLanguage(value);
    // The answer is written by the API in the language asked: ask again in the new one.
    if (result?.kind === 'found' && lastAsked.current) void ask(lastAsked.current.reference, lastAsked.current.accessCode, value);
  }

  const answer = result?.kind === 'found' ? result.answer : null;
  const problem =
    missing ? t('required')
    : result?.kind === 'not_found' ? t('notFound')
    : result?.kind === 'too_many' ? (result.retryAfterSeconds ? t('tooMany', { minutes: Math.max(1, Math.ceil(result.retryAfterSeconds / 60)) }) : t('tooManyNow'))
    : result?.kind === 'offline' ? t('offline')
    : result?.kind === 'failed' ? t('failed')
    : null;

  return (
    <div className="st-page">
      <header className="st-header">
        <a className="st-brand" href="/" aria-label="Masar">
          <svg aria-hidden="true" viewBox="0 0 32 32" width="32" height="32"><rect width="32" height="32" rx="6" fill="currentColor" /><path d="M7 23V9l9 8 9-8v14" fill="none" stroke="#fff" strokeWidth="3" strokeLinejoin="round" /></svg>
          <span>Masar · مسار</span>
        </a>
        <label className="st-lang" htmlFor={ids.lang}>
          <span className="st-visually-hidden">{t('language')}</span>
          <select id={ids.lang} value={lang} onChange={(e) => changeLanguage(e.target.value)}>
            {LANGUAGES.map((l) => (
              <option key={l.code} value={l.code} lang={l.code}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
      </header>

      <main className="st-main">
        {!answer ? (
          <>
            <h1>{t('title')}</h1>
            <p className="st-intro">{t('intro')}</p>
            <form className="st-form" onSubmit={onSubmit} noValidate>
              <div className="st-field">
                <label htmlFor={ids.ref}>{t('reference')}</label>
                <input
                  id={ids.ref}
                  name="reference"
                  value={reference}
                  onChange={(e) => setReference(e.target.value)}
                  aria-describedby={ids.refHint}
                  aria-invalid={missing && !reference.trim() ? true : undefined}
                  autoComplete="off"
                  autoCapitalize="characters"
                  spellCheck={false}
                  dir="ltr"
                  inputMode="text"
                />
                <p id={ids.refHint} className="st-hint">{t('referenceHint')}</p>
              </div>
              <div className="st-field">
                <label htmlFor={ids.code}>{t('accessCode')}</label>
                <input
                  id={ids.code}
                  ref={codeInput}
                  name="accessCode"
                  value={accessCode}
                  onChange={(e) => setAccessCode(e.target.value)}
                  aria-describedby={ids.codeHint}
                  aria-invalid={missing && !accessCode.trim() ? true : undefined}
                  autoComplete="off"
                  autoCapitalize="characters"
                  spellCheck={false}
                  dir="ltr"
                />
                <p id={ids.codeHint} className="st-hint">{t('accessCodeHint')}</p>
              </div>
              {problem && (
                <p className="st-error" role="alert">
                  {problem}
                </p>
              )}
              <button type="submit" className="st-button" disabled={busy} aria-busy={busy}>
                {busy ? t('checking') : t('show')}
              </button>
            </form>
          </>
        ) : (
          <section className="st-answer" aria-labelledby="st-stage-heading" lang={answer.language} dir={answer.direction}>
            <p className="st-ref">
              <bdi dir="ltr">{answer.reference}</bdi>
            </p>
            <p className="st-hint">
              {answer.application} · {answer.office}
            </p>
            <h1 id="st-stage-heading" tabIndex={-1} ref={resultHeading}>
              {t('stage')}
            </h1>
            <p className="st-stage" data-stage={answer.stage.code} data-testid="status-stage">
              {answer.stage.title}
            </p>

            <h2>{t('todo')}</h2>
            {answer.toDo.length ? (
              <ul className="st-todo" data-testid="status-todo">
                {answer.toDo.map((item, i) => (
                  <li key={i} data-action={item.action}>
                    {item.text}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('nothingToDo')}</p>
            )}

            <h2>{t('next')}</h2>
            <p>{answer.nextStep}</p>
            {busy && <p className="st-hint" role="status">{t('checking')}</p>}
            <button
              type="button"
              className="st-button st-secondary"
              onClick={() => {
                setResult(null);
                lastAsked.current = null;
              }}
            >
              {t('another')}
            </button>
          </section>
        )}
        <p className="st-privacy">{t('privacy')}</p>
        <p>
          <a className="st-link" href="/login">
            {t('signIn')}
          </a>
        </p>
      </main>
    </div>
  );
}
