/**
 * `npm run seed:synthetic -- --files N [--codes-out FILE] [--codes-sample K] [--seed S]`
 *
 * A synthetic regularisation and asylum campaign, written with COPY into the cases context's real tables (the schema
 * of libs/cases/src/migrations), so that benchmarks and demos see campaign-scale data: ~70 prefecture and province
 * offices and the national appeal commission with their staff; applicants of about a hundred nationalities with
 * names in Latin and Arabic script (duplicate-search keys computed by the cases context's own functions; document
 * numbers, dates of birth and contact details encrypted with its field cipher and blind index, under the keys of
 * the configuration); the three kinds of application in campaign proportions and the regularisation categories
 * weighted as in 2014 and 2016-2017; each file walked through its real workflow definition to a state, with one
 * history row and one audit event per step, its running clock as a deadline row, its documents' metadata, and the
 * applicant registration in the audit trail (one hash chain, computed exactly as `audit_append` does).
 *
 * DATABASE_URL (or the embedded PostgreSQL) must already be migrated. The keys come from the same configuration the
 * servers read (loadConfig), so seeded data is readable by the API. `--codes-out` writes a sample of references with
 * their access codes (which are otherwise never stored) for the status benchmark.
 */
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadavg } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { loadConfig } from '@masar/config';
import { resolveDatabaseUrl } from '@masar/database';
import {
  DEFAULT_CLOCK_POLICY,
  REGULARISATION_CATEGORIES,
  generateReference,
  hashAccessCode,
  nameKeys,
  workflowFor,
  type CaseKind,
  type TransitionDefinition,
  type WorkflowDefinition,
} from '@masar/cases';
import { requiredDocuments } from '@masar/documents';
import { DEMO_OFFICES, DEMO_PASSWORD } from '@masar/identity';
// The cases context's cipher, blind index and clock arithmetic, and the audit chain's hash: deep imports on purpose,
// so that seeded cipher texts, clocks and chain links are exactly what the contexts write (a script, not a context).
import { BlindIndex, FieldCipher, normaliseDocumentNumber } from '../libs/cases/src/crypto/field-cipher';
import { scheduleClock } from '../libs/cases/src/domain/deadlines/deadline-arithmetic';
import { generateAccessCode } from '../libs/cases/src/domain/reference/access-code';
import { canonicalBody, chainHash, GENESIS_HASH, type AuditEventBody } from '../libs/audit/src/chain/audit-hash';
import { hash as argon2 } from '@node-rs/argon2';
import { dropForLoad, restoreAfterLoad, type DroppedSchema } from './seed-bulk-load';

// ---------------------------------------------------------------- arguments and a seeded random generator

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const FILES = Number(arg('files') ?? 10000);
const CHUNK = Number(arg('chunk') ?? 10000);
const CODES_OUT = arg('codes-out');
const CODES_SAMPLE = Number(arg('codes-sample') ?? 20000);
/** --keep-indexes: COPY into the tables with their keys, indexes and foreign keys on (slower; for comparison). */
const BULK = !process.argv.includes('--keep-indexes');
/** Connections writing the cases tables at once (the audit chain has one more of its own). */
const WRITERS = Math.max(1, Math.min(8, Number(arg('writers') ?? 2)));
const MAINTENANCE_WORK_MEM = arg('maintenance-work-mem') ?? '512MB';
let seed = Number(arg('seed') ?? Date.now() % 2147483647) >>> 0 || 1;
if (!Number.isInteger(FILES) || FILES < 1 || FILES > 5_000_000) throw new Error('--files must be a whole number between 1 and 5,000,000');

/** mulberry32: fast and reproducible with --seed (the cipher nonces stay random). */
function rnd(): number {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
function weighted<T>(items: readonly (readonly [T, number])[]): () => T {
  const total = items.reduce((a, [, w]) => a + w, 0);
  const cum: number[] = [];
  let acc = 0;
  for (const [, w] of items) cum.push((acc += w / total));
  return () => {
    const r = rnd();
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return items[lo]![0];
  };
}
const DAY = 86_400_000;
const uuid = () => randomUUID();
const hex = (bytes: number) => randomBytes(bytes).toString('hex');

// ---------------------------------------------------------------- offices

type OfficeSeed = { code: string; name: string; regionCode: string; kind: 'prefecture' | 'province' | 'national_commission'; weight: number };
/** Prefectures and provinces with a foreigners' office (2016-2017: 83 offices); weights follow where migrants live. */
const MORE_OFFICES: [string, string, string, number][] = [
  ['SKT', 'Préfecture de Skhirate-Témara', 'RSK', 3], ['KHE', 'Province de Khémisset', 'RSK', 1], ['SKA', 'Province de Sidi Kacem', 'RSK', 1],
  ['SSL', 'Province de Sidi Slimane', 'RSK', 1], ['ELJ', "Province d'El Jadida", 'CS', 2], ['SET', 'Province de Settat', 'CS', 1],
  ['BRC', 'Province de Berrechid', 'CS', 1], ['BSL', 'Province de Benslimane', 'CS', 1], ['NOU', 'Province de Nouaceur', 'CS', 2],
  ['MED', 'Province de Médiouna', 'CS', 1], ['SAF', 'Province de Safi', 'MS', 1], ['ESS', "Province d'Essaouira", 'MS', 1],
  ['KSR', 'Province d’El Kelâa des Sraghna', 'MS', 1], ['HAO', 'Province d’Al Haouz', 'MS', 1], ['CHI', 'Province de Chichaoua', 'MS', 1],
  ['YOU', 'Province de Youssoufia', 'MS', 1], ['REH', 'Province de Rehamna', 'MS', 1], ['IFR', "Province d'Ifrane", 'FM', 1],
  ['HAJ', 'Province d’El Hajeb', 'FM', 1], ['SEF', 'Province de Sefrou', 'FM', 1], ['TAZ', 'Province de Taza', 'FM', 1],
  ['TAO', 'Province de Taounate', 'FM', 1], ['BOU', 'Province de Boulemane', 'FM', 1], ['MYA', 'Province de Moulay Yacoub', 'FM', 1],
  ['MDF', "Préfecture de M'diq-Fnideq", 'TTA', 2], ['LAR', 'Province de Larache', 'TTA', 1], ['CHE', 'Province de Chefchaouen', 'TTA', 1],
  ['OUZ', 'Province d’Ouezzane', 'TTA', 1], ['HOC', "Province d'Al Hoceïma", 'TTA', 1], ['FAN', 'Province de Fahs-Anjra', 'TTA', 1],
  ['BER', 'Province de Berkane', 'OR', 2], ['TAU', 'Province de Taourirt', 'OR', 1], ['JER', 'Province de Jerada', 'OR', 1],
  ['FIG', 'Province de Figuig', 'OR', 1], ['DRI', 'Province de Driouch', 'OR', 1], ['GUE', 'Province de Guercif', 'OR', 1],
  ['INE', "Préfecture d'Inezgane-Aït Melloul", 'SM', 2], ['CHT', 'Province de Chtouka-Aït Baha', 'SM', 1], ['TAR', 'Province de Taroudant', 'SM', 1],
  ['TIZ', 'Province de Tiznit', 'SM', 1], ['TAT', 'Province de Tata', 'SM', 1], ['GLM', 'Province de Guelmim', 'GON', 1],
  ['TNT', 'Province de Tan-Tan', 'GON', 1], ['SIF', 'Province de Sidi Ifni', 'GON', 1], ['ASZ', 'Province d’Assa-Zag', 'GON', 1],
  ['BOJ', 'Province de Boujdour', 'LSH', 1], ['TRF', 'Province de Tarfaya', 'LSH', 1], ['SMA', 'Province d’Es-Semara', 'LSH', 1],
  ['DAK', 'Province d’Oued Ed-Dahab', 'DOE', 2], ['AOU', 'Province d’Aousserd', 'DOE', 1], ['BML', 'Province de Béni Mellal', 'BMK', 1],
  ['AZI', "Province d'Azilal", 'BMK', 1], ['FBS', 'Province de Fquih Ben Salah', 'BMK', 1], ['KHO', 'Province de Khouribga', 'BMK', 1],
  ['KHN', 'Province de Khénifra', 'BMK', 1], ['ERR', "Province d'Errachidia", 'DT', 1], ['OUA', 'Province de Ouarzazate', 'DT', 1],
  ['ZAG', 'Province de Zagora', 'DT', 1], ['TIN', 'Province de Tinghir', 'DT', 1], ['MID', 'Province de Midelt', 'DT', 1],
];
const BIG: Record<string, number> = { RAB: 10, SAL: 4, KEN: 3, CAS: 16, MOH: 3, MAR: 5, FES: 4, MEK: 2, TNG: 8, TET: 3, OUJ: 6, NAD: 6, AGA: 4, LAA: 3 };
const OFFICES: OfficeSeed[] = [
  ...DEMO_OFFICES.map((o) => ({ code: o.code, name: o.name, regionCode: o.regionCode, kind: o.kind, weight: o.kind === 'national_commission' ? 0 : BIG[o.code] ?? 1 })),
  ...MORE_OFFICES.map(([code, name, regionCode, weight]) => ({ code, name, regionCode, kind: name.startsWith('Préfecture') ? ('prefecture' as const) : ('province' as const), weight })),
];

// ---------------------------------------------------------------- nationalities and names

type Group = 'wa' | 'ea' | 'ca' | 'ar' | 'as' | 'la' | 'eu';
type Lang = 'ar' | 'fr' | 'en' | 'es';
/** [ISO code, weight (‰ of applicants, roughly the 2014 and 2016-2017 campaigns), name pool, usual language]. */
const NATIONALITIES: [string, number, Group, Lang][] = [
  ['SN', 240, 'wa', 'fr'], ['SY', 110, 'ar', 'ar'], ['NG', 90, 'ea', 'en'], ['CI', 80, 'wa', 'fr'], ['GN', 70, 'wa', 'fr'], ['ML', 60, 'wa', 'fr'],
  ['CM', 55, 'ca', 'fr'], ['CD', 45, 'ca', 'fr'], ['PH', 30, 'as', 'en'], ['CN', 25, 'as', 'en'], ['DZ', 20, 'ar', 'ar'], ['CG', 18, 'ca', 'fr'],
  ['GM', 14, 'ea', 'en'], ['LR', 10, 'ea', 'en'], ['SL', 10, 'ea', 'en'], ['GH', 12, 'ea', 'en'], ['BF', 12, 'wa', 'fr'], ['NE', 8, 'wa', 'fr'],
  ['TG', 7, 'wa', 'fr'], ['BJ', 7, 'wa', 'fr'], ['MR', 8, 'ar', 'ar'], ['TN', 6, 'ar', 'ar'], ['EG', 6, 'ar', 'ar'], ['YE', 8, 'ar', 'ar'],
  ['IQ', 5, 'ar', 'ar'], ['PS', 5, 'ar', 'ar'], ['SD', 8, 'ar', 'ar'], ['SS', 4, 'ea', 'en'], ['LY', 4, 'ar', 'ar'], ['JO', 2, 'ar', 'ar'],
  ['LB', 2, 'ar', 'ar'], ['TD', 5, 'ca', 'fr'], ['CF', 5, 'ca', 'fr'], ['GA', 3, 'ca', 'fr'], ['GQ', 2, 'la', 'es'], ['GW', 4, 'wa', 'fr'],
  ['CV', 2, 'wa', 'fr'], ['ER', 4, 'ea', 'en'], ['ET', 4, 'ea', 'en'], ['SO', 4, 'ar', 'ar'], ['KE', 2, 'ea', 'en'], ['UG', 2, 'ea', 'en'],
  ['RW', 2, 'ca', 'fr'], ['BI', 2, 'ca', 'fr'], ['AO', 2, 'ca', 'fr'], ['MG', 2, 'ca', 'fr'], ['KM', 2, 'ar', 'fr'], ['DJ', 1, 'ar', 'fr'],
  ['TZ', 1, 'ea', 'en'], ['ZA', 1, 'ea', 'en'], ['ZW', 1, 'ea', 'en'], ['ZM', 1, 'ea', 'en'], ['MZ', 1, 'ca', 'fr'], ['BD', 6, 'as', 'en'],
  ['PK', 5, 'as', 'en'], ['IN', 4, 'as', 'en'], ['LK', 1, 'as', 'en'], ['NP', 1, 'as', 'en'], ['AF', 3, 'as', 'en'], ['IR', 1, 'as', 'en'],
  ['TR', 3, 'as', 'en'], ['VN', 1, 'as', 'en'], ['ID', 1, 'as', 'en'], ['TH', 1, 'as', 'en'], ['KR', 1, 'as', 'en'], ['JP', 1, 'as', 'en'],
  ['MY', 1, 'as', 'en'], ['UZ', 1, 'as', 'en'], ['KZ', 1, 'as', 'en'], ['RU', 2, 'eu', 'en'], ['UA', 2, 'eu', 'en'], ['FR', 3, 'eu', 'fr'],
  ['ES', 3, 'la', 'es'], ['IT', 1, 'eu', 'fr'], ['PT', 1, 'eu', 'fr'], ['BE', 1, 'eu', 'fr'], ['DE', 1, 'eu', 'en'], ['GB', 1, 'eu', 'en'],
  ['NL', 1, 'eu', 'en'], ['RO', 1, 'eu', 'fr'], ['PL', 1, 'eu', 'en'], ['US', 1, 'eu', 'en'], ['CA', 1, 'eu', 'fr'], ['BR', 2, 'la', 'es'],
  ['CO', 2, 'la', 'es'], ['VE', 2, 'la', 'es'], ['PE', 1, 'la', 'es'], ['AR', 1, 'la', 'es'], ['CU', 1, 'la', 'es'], ['MX', 1, 'la', 'es'],
  ['EC', 1, 'la', 'es'], ['BO', 1, 'la', 'es'], ['DO', 1, 'la', 'es'], ['HT', 2, 'la', 'fr'], ['CL', 1, 'la', 'es'], ['SA', 1, 'ar', 'ar'],
  ['AE', 1, 'ar', 'ar'], ['KW', 1, 'ar', 'ar'], ['QA', 1, 'ar', 'ar'], ['OM', 1, 'ar', 'ar'],
];
/** Given names and family names as [Latin, Arabic script]: the Arabic form is how an Arabic-speaking clerk writes it. */
const NAMES: Record<Group, { male: [string, string][]; female: [string, string][]; family: [string, string][] }> = {
  wa: {
    male: [['Mamadou', 'مامادو'], ['Ousmane', 'عثمان'], ['Abdoulaye', 'عبد الله'], ['Moussa', 'موسى'], ['Ibrahima', 'إبراهيما'], ['Cheikh', 'الشيخ'], ['Amadou', 'أمادو'], ['Souleymane', 'سليمان'], ['Alioune', 'عليون'], ['Modou', 'مودو'], ['Boubacar', 'بوبكر'], ['Lamine', 'الأمين']],
    female: [['Aminata', 'أميناتا'], ['Fatou', 'فاتو'], ['Mariama', 'مريمة'], ['Awa', 'عوا'], ['Khady', 'خادي'], ['Aïssatou', 'عائشة'], ['Ndeye', 'ندي'], ['Kadiatou', 'خديجة'], ['Rokhaya', 'رقية'], ['Bineta', 'بينتا']],
    family: [['Diallo', 'ديالو'], ['Ndiaye', 'انجاي'], ['Diop', 'جوب'], ['Fall', 'فال'], ['Sow', 'صو'], ['Ba', 'با'], ['Traoré', 'تراوري'], ['Keita', 'كيتا'], ['Coulibaly', 'كوليبالي'], ['Camara', 'كامارا'], ['Sylla', 'سيلا'], ['Cissé', 'سيسي'], ['Touré', 'توري'], ['Konaté', 'كوناتي'], ['Barry', 'باري'], ['Bah', 'باه'], ['Kouassi', 'كواسي'], ['Koné', 'كوني']],
  },
  ea: {
    male: [['John', 'جون'], ['Emmanuel', 'إيمانويل'], ['Samuel', 'صموئيل'], ['Daniel', 'دانيال'], ['Joseph', 'يوسف'], ['Musa', 'موسى'], ['Chinedu', 'تشينيدو'], ['Kwame', 'كوامي'], ['Ebrima', 'إبريما'], ['Yusuf', 'يوسف']],
    female: [['Grace', 'غريس'], ['Blessing', 'بليسينغ'], ['Mary', 'ماري'], ['Esther', 'إستير'], ['Fatima', 'فاطمة'], ['Joy', 'جوي'], ['Amina', 'أمينة'], ['Ngozi', 'نغوزي']],
    family: [['Okafor', 'أوكافور'], ['Adeyemi', 'أديمي'], ['Mensah', 'منساه'], ['Jallow', 'جالو'], ['Bangura', 'بانغورا'], ['Kamara', 'كامارا'], ['Johnson', 'جونسون'], ['Okonkwo', 'أوكونكو'], ['Bello', 'بيلو'], ['Mohammed', 'محمد'], ['Tesfaye', 'تسفاي'], ['Ceesay', 'سيساي']],
  },
  ca: {
    male: [['Jean', 'جان'], ['Patrick', 'باتريك'], ['Serge', 'سيرج'], ['Christian', 'كريستيان'], ['Junior', 'جونيور'], ['Blaise', 'بليز'], ['Arnaud', 'أرنو'], ['Hervé', 'هيرفي'], ['Didier', 'ديدييه']],
    female: [['Marie', 'ماري'], ['Chantal', 'شانتال'], ['Grâce', 'غراس'], ['Sandrine', 'ساندرين'], ['Nadège', 'ناديج'], ['Clarisse', 'كلاريس'], ['Josiane', 'جوزيان']],
    family: [['Mbala', 'مبالا'], ['Kabila', 'كابيلا'], ['Ngoma', 'نغوما'], ['Tshibanda', 'تشيباندا'], ['Mbeki', 'مبيكي'], ['Nkoulou', 'نكولو'], ['Etoundi', 'إيتوندي'], ['Mouelle', 'مويل'], ['Ilunga', 'إيلونغا'], ['Kasongo', 'كاسونغو'], ['Fotso', 'فوتسو']],
  },
  ar: {
    male: [['Mohamed', 'محمد'], ['Mohammed', 'محمد'], ['Muhammad', 'محمد'], ['Ahmed', 'أحمد'], ['Omar', 'عمر'], ['Ali', 'علي'], ['Khaled', 'خالد'], ['Youssef', 'يوسف'], ['Hassan', 'حسن'], ['Mahmoud', 'محمود'], ['Abdelkader', 'عبد القادر'], ['Ibrahim', 'إبراهيم'], ['Mustafa', 'مصطفى']],
    female: [['Fatima', 'فاطمة'], ['Aisha', 'عائشة'], ['Maryam', 'مريم'], ['Khadija', 'خديجة'], ['Noura', 'نورة'], ['Rania', 'رانيا'], ['Layla', 'ليلى'], ['Samira', 'سميرة'], ['Hanan', 'حنان'], ['Zainab', 'زينب']],
    family: [['Al-Ahmad', 'الأحمد'], ['Haddad', 'حداد'], ['Khalil', 'خليل'], ['Al-Hussein', 'الحسين'], ['Saleh', 'صالح'], ['Nasser', 'ناصر'], ['Abbas', 'عباس'], ['Hamdan', 'حمدان'], ['Mansour', 'منصور'], ['Othman', 'عثمان'], ['Yassin', 'ياسين'], ['Ben Ali', 'بن علي'], ['Bouzid', 'بوزيد'], ['Ould Ahmed', 'ولد أحمد']],
  },
  as: {
    male: [['Wei', 'وي'], ['Jun', 'جون'], ['Jose', 'خوسيه'], ['Mark', 'مارك'], ['Rahim', 'رحيم'], ['Imran', 'عمران'], ['Arjun', 'أرجون'], ['Tuan', 'توان'], ['Ahmad', 'أحمد']],
    female: [['Mei', 'مي'], ['Li', 'لي'], ['Maria', 'ماريا'], ['Joy', 'جوي'], ['Ayesha', 'عائشة'], ['Priya', 'بريا'], ['Rosa', 'روزا'], ['Lan', 'لان']],
    family: [['Wang', 'وانغ'], ['Li', 'لي'], ['Zhang', 'تشانغ'], ['Santos', 'سانتوس'], ['Reyes', 'رييس'], ['Cruz', 'كروز'], ['Hossain', 'حسين'], ['Khan', 'خان'], ['Rahman', 'رحمن'], ['Nguyen', 'نغوين'], ['Singh', 'سينغ']],
  },
  la: {
    male: [['Juan', 'خوان'], ['Carlos', 'كارلوس'], ['Luis', 'لويس'], ['Pedro', 'بيدرو'], ['Miguel', 'ميغيل'], ['Jean-Baptiste', 'جان باتيست'], ['Diego', 'دييغو']],
    female: [['María', 'ماريا'], ['Ana', 'آنا'], ['Carmen', 'كارمن'], ['Lucía', 'لوسيا'], ['Rosa', 'روزا'], ['Isabel', 'إيزابيل']],
    family: [['García', 'غارسيا'], ['Rodríguez', 'رودريغيز'], ['Martínez', 'مارتينيز'], ['López', 'لوبيز'], ['Pérez', 'بيريز'], ['Obiang', 'أوبيانغ'], ['Joseph', 'جوزيف'], ['Silva', 'سيلفا']],
  },
  eu: {
    male: [['Pierre', 'بيير'], ['Marco', 'ماركو'], ['Ivan', 'إيفان'], ['Thomas', 'توماس'], ['Paul', 'بول'], ['Andrei', 'أندريه']],
    female: [['Sophie', 'صوفي'], ['Anna', 'آنا'], ['Elena', 'إلينا'], ['Claire', 'كلير'], ['Olga', 'أولغا']],
    family: [['Martin', 'مارتن'], ['Dubois', 'دوبوا'], ['Rossi', 'روسي'], ['Ivanov', 'إيفانوف'], ['Müller', 'مولر'], ['Smith', 'سميث'], ['Popescu', 'بوبسكو'], ['Kowalski', 'كوفالسكي']],
  },
};
const nationality = weighted(NATIONALITIES.map((n) => [n, n[1]] as const));

// ---------------------------------------------------------------- kinds, categories, workflow walks

const kindOf = weighted<CaseKind>([['regularisation', 72], ['asylum', 13], ['renewal', 15]]);
/** 2014: most files were residence or work; spouses and children next; relaxed categories mostly on appeal. */
const categoryOf = weighted<string>([
  ['residence_five_years', 34], ['work_contract', 16], ['spouse_of_moroccan', 9], ['spouse_of_foreigner', 7], ['child_of_eligible_parent', 9],
  ['serious_illness', 3], ['woman', 10], ['child', 4], ['unaccompanied_minor', 2], ['worker_without_contract', 6],
]);
for (const c of REGULARISATION_CATEGORIES) if (!['residence_five_years', 'work_contract', 'spouse_of_moroccan', 'spouse_of_foreigner', 'child_of_eligible_parent', 'serious_illness', 'woman', 'child', 'unaccompanied_minor', 'worker_without_contract'].includes(c)) throw new Error(`category ${c} has no weight`);
const SIX = ['spouse_of_moroccan', 'spouse_of_foreigner', 'child_of_eligible_parent', 'work_contract', 'residence_five_years', 'serious_illness'];
const modalityOf = weighted<'regular' | 'accelerated' | 'simplified'>([['regular', 70], ['accelerated', 20], ['simplified', 10]]);

/** How likely each action is when it is possible: the main path, a grant rate near 83%, few side exits. */
const ACTION_WEIGHT: Record<string, number> = {
  withdraw: 0.006, merge_as_duplicate: 0.004, refer_to_asylum: 0.005, hold_for_security_check: 0.03, clear_security_check: 1,
  overturn_proposal: 0.06, send_back_assessment: 0.06, request_documents: 0.35, propose_unfavourable: 0.2, propose_favourable: 1,
  propose_rejection: 0.6, propose_recognition: 0.5, propose_refusal: 0.1, propose_approval: 1, lodge_appeal: 0.6, close_unappealed: 0.4,
  grant_on_appeal: 0.9, reject_on_appeal: 0.1, lodge_recourse: 0.5, grant_on_recourse: 0.6, reject_on_recourse: 0.4, mark_inactive: 0.05,
  close_inactive: 0.5, reopen: 0.2, cancel_status: 0.01, revoke_status: 0.01, cease_status: 0.01, lapse: 0.08, reschedule_interview: 0.1,
};
const actionWeight = (t: TransitionDefinition) => ACTION_WEIGHT[t.action] ?? 1;

interface Step {
  t: TransitionDefinition;
  at: number;
}

/** Days a step usually takes, by what it waits for. */
function stepDays(t: TransitionDefinition): number {
  if (t.action === 'close_unappealed') return DEFAULT_CLOCK_POLICY.appealWindowDays + DEFAULT_CLOCK_POLICY.appealGraceDays;
  if (t.action === 'lapse') return DEFAULT_CLOCK_POLICY.lapseGraceDays;
  if (t.action.startsWith('confirm') || t.action.startsWith('notify')) return 1 + rnd() * 6;
  if (t.action.includes('appeal') || t.action.includes('recourse')) return 5 + rnd() * 30;
  if (t.action.startsWith('propose') || t.action === 'accept_as_complete') return 3 + rnd() * 25;
  return 0.5 + rnd() * 12;
}

/** A walk through the workflow from its initial state, one step after another until now (or a final state). */
function walk(def: WorkflowDefinition, openedAt: number, now: number): Step[] {
  const steps: Step[] = [];
  let state = def.initial;
  let at = openedAt;
  for (let i = 0; i < 40; i++) {
    const options = def.transitions.filter((t) => t.from.includes(state) && !(t.by.length === 1 && t.by[0] === 'applicant'));
    if (options.length === 0) break;
    // Some files are simply waiting where they are (a caseworker has not got to them yet).
    if (rnd() < 0.06) break;
    const t = weighted(options.map((o) => [o, actionWeight(o)] as const))();
    const next = at + stepDays(t) * DAY;
    if (next > now) break;
    steps.push({ t, at: next });
    state = t.to;
    at = next;
    if (def.states.find((s) => s.name === state)?.final && rnd() < 0.98) break;
  }
  return steps;
}

// ---------------------------------------------------------------- COPY text format

const SPECIAL = /[\\\t\n\r]/;
function esc(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  const s = v instanceof Date ? v.toISOString() : typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  if (!SPECIAL.test(s)) return s;
  return s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}
function pgArray(xs: string[]): string {
  return `{${xs.map((x) => `"${x.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}
class Table {
  rows: string[] = [];
  constructor(
    readonly name: string,
    readonly columns: string[],
  ) {}
  add(values: unknown[]): void {
    this.rows.push(values.map(esc).join('\t'));
  }
}

// ---------------------------------------------------------------- main

interface Setup {
  files: number;
  chunk: number;
  seed: number;
  officeIds: Record<string, string>;
  staff: Record<string, { caseworkers: string[]; supervisors: string[] }>;
  taken: string[];
  seq: string;
  prev: string;
  codesSample: number;
  wantCodes: boolean;
  /** This generator's index among `generators`: it builds every generators-th chunk. */
  generator: number;
  generators: number;
}

interface ChunkMessage {
  type: 'chunk';
  generator: number;
  files: number;
  tables: { name: string; columns: string[]; text: string; rows: number }[];
  /** Audit rows without their link: the columns from id to ip (COPY text) and the canonical body, in order. */
  audit: { middle: string[]; bodies: string[] };
}
interface DoneMessage {
  type: 'done';
  generator: number;
  codes: string[];
  stateCounts: [string, number][];
}

/**
 * The main thread writes, a worker thread generates: while PostgreSQL ingests one chunk (on the other core), the
 * next is being built. At most one chunk waits, so memory stays bounded whatever --files is.
 */
async function main(): Promise<void> {
  const t0 = Date.now();
  const config = loadConfig();
  const { url, embedded } = await resolveDatabaseUrl(config);
  const client = new Client({ connectionString: url, application_name: 'masar-seed-synthetic' });
  await client.connect();
  let dropped: DroppedSchema | null = null;
  let restored = false;
  try {
    const hasCases = await client.query(`select to_regclass('public.applications') as t`);
    if (!hasCases.rows[0].t) throw new Error('the database has no applications table: run the migrations first (npm run migration:run)');

    // Offices and staff (upserted, so a second seed on the same database reuses them).
    const passwordHash = await argon2(DEMO_PASSWORD, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
    const officeIds: Record<string, string> = {};
    for (const o of OFFICES) {
      const r = await client.query(
        `insert into offices (code, name, region_code, kind) values ($1, $2, $3, $4)
         on conflict (code) do update set name = offices.name returning id`,
        [o.code, o.name, o.regionCode, o.kind],
      );
      officeIds[o.code] = r.rows[0].id;
    }
    const fieldOffices = OFFICES.filter((o) => o.kind !== 'national_commission');
    const totalWeight = fieldOffices.reduce((a, o) => a + o.weight, 0);
    const staff: Record<string, { caseworkers: string[]; supervisors: string[] }> = {};
    for (const o of OFFICES) {
      const share = o.kind === 'national_commission' ? 0.1 : o.weight / totalWeight;
      const caseworkers = Math.max(2, Math.min(60, Math.round((FILES * share) / 1500)));
      const supervisors = Math.max(1, Math.round(caseworkers / 5));
      const s = { caseworkers: [] as string[], supervisors: [] as string[] };
      for (const [role, n] of [['caseworker', caseworkers], ['supervisor', supervisors]] as const) {
        for (let i = 1; i <= n; i++) {
          const email = `${role}${i}.${o.code.toLowerCase()}@synthetic.masar.example`;
          const r = await client.query(
            `insert into users (email, display_name, role, office_id, password_hash) values ($1, $2, $3, $4, $5)
             on conflict (email) do update set active = true returning id`,
            [email, `${role === 'caseworker' ? 'Caseworker' : 'Supervisor'} ${i} (${o.code})`, role, officeIds[o.code], passwordHash],
          );
          (role === 'caseworker' ? s.caseworkers : s.supervisors).push(r.rows[0].id);
        }
      }
      staff[o.code] = s;
    }
    // References already taken (a second seed adds to the first).
    const taken = (await client.query(`select reference from applications`)).rows.map((r) => r.reference as string);

    // The audit chain: one writer under the chain's lock (session level, the same key audit_append takes).
    const audit = new Client({ connectionString: url, application_name: 'masar-seed-synthetic-audit' });
    await audit.connect();
    await audit.query(`set synchronous_commit = off`);
    await audit.query(`select pg_advisory_lock(${0x4d415352}, ${0x41554454})`);
    const head = await audit.query(`select seq::text as seq, hash from audit_events order by audit_events.seq desc limit 1`);

    // The load: keys, indexes and foreign keys off (put back from their definitions after), COPY on several
    // connections at once (no foreign key orders the tables any more), no wait for the WAL flush at each commit.
    const writers = [client];
    for (let i = 1; i < (BULK ? WRITERS : 1); i++) {
      const w = new Client({ connectionString: url, application_name: `masar-seed-synthetic-${i}` });
      await w.connect();
      writers.push(w);
    }
    for (const w of writers) await w.query(`set synchronous_commit = off`);
    dropped = BULK ? await dropForLoad(client, [...LOADED_TABLES]) : null;
    const backends = await Promise.all([...writers, audit].map(async (c) => (await c.query(`select pg_backend_pid() as pid`)).rows[0].pid as number));
    const cpu0 = { node: process.cpuUsage(), pg: backendCpuSeconds(backends) };
    if (dropped) console.log(`bulk load: ${dropped.keys.length} keys, ${dropped.indexes.length} indexes and ${dropped.foreignKeys.length} foreign keys off until the end; COPY on ${writers.length} + 1 connections`);

    const GENERATORS = Math.max(1, Math.min(8, Number(arg('generators') ?? 2)));
    const workers = Array.from({ length: GENERATORS }, (_, g) => {
      const setup: Setup = {
        files: FILES, chunk: CHUNK, seed: (seed + g * 7919) >>> 0, officeIds, staff, taken, seq: '0', prev: GENESIS_HASH,
        codesSample: Math.ceil(CODES_SAMPLE / GENERATORS), wantCodes: !!CODES_OUT, generator: g, generators: GENERATORS,
      };
      return new Worker(__filename, { workerData: setup, execArgv: process.execArgv, argv: process.argv.slice(2) });
    });
    // The chain is linked here, in the order chunks are written: generators build bodies, this thread hashes them.
    let seq = BigInt(head.rows[0]?.seq ?? 0);
    let prev: string = head.rows[0]?.hash ?? GENESIS_HASH;
    const dones: DoneMessage[] = [];
    const counts = new Map<string, number>();
    let files = 0;
    let genWaitMs = 0;
    let copyMs = 0;
    const queue: (ChunkMessage | DoneMessage)[] = [];
    let wake: (() => void) | null = null;
    let failure: Error | null = null;
    for (const worker of workers) {
      worker.on('message', (m: ChunkMessage | DoneMessage) => {
        queue.push(m);
        wake?.();
      });
      worker.on('error', (e) => {
        failure = e;
        wake?.();
      });
    }
    for (;;) {
      const w0 = Date.now();
      while (queue.length === 0 && !failure) await new Promise<void>((r) => (wake = r));
      wake = null;
      if (failure) throw failure;
      genWaitMs += Date.now() - w0;
      const m = queue.shift()!;
      if (m.type === 'done') {
        dones.push(m);
        if (dones.length === workers.length) break;
        continue;
      }
      const c0 = Date.now();
      const auditLines: string[] = new Array(m.audit.bodies.length);
      for (let k = 0; k < m.audit.bodies.length; k++) {
        seq += 1n;
        const h = chainHash(seq.toString(), prev, m.audit.bodies[k]!);
        auditLines[k] = `${seq}\t${m.audit.middle[k]}\t${prev}\t${h}`;
        prev = h;
      }
      m.tables.push({ name: 'audit_events', columns: AUDIT_COLUMNS, rows: auditLines.length, text: auditLines.length ? auditLines.join('\n') + '\n' : '' });
      const byName = new Map(m.tables.map((t) => [t.name, t]));
      // Without foreign keys, the tables on all the writers at once, biggest first; with them (--keep-indexes),
      // parents before children on one connection. The audit chain on its own connection meanwhile.
      const order = LOADED_TABLES.filter((n) => n !== 'audit_events').map((n) => byName.get(n)!);
      if (dropped) order.sort((a, b) => b.text.length - a.text.length);
      let next = 0;
      await Promise.all([
        ...writers.map(async (w) => {
          while (next < order.length) await copyText(w, order[next++]!);
        }),
        copyText(audit, byName.get('audit_events')!),
      ]);
      for (const t of m.tables) counts.set(t.name, (counts.get(t.name) ?? 0) + t.rows);
      copyMs += Date.now() - c0;
      files += m.files;
      workers[m.generator]!.postMessage('ack');
      const secs = (Date.now() - t0) / 1000;
      process.stdout.write(`\r${files.toLocaleString('en')} files in ${secs.toFixed(0)} s (${Math.round(files / secs).toLocaleString('en')} files/s; COPY ${(copyMs / 1000).toFixed(0)} s, waiting for the generator ${(genWaitMs / 1000).toFixed(0)} s)   `);
    }
    for (const w of workers) await w.terminate();
    const done = {
      seq: seq.toString(),
      codes: dones.flatMap((d) => d.codes).slice(0, CODES_SAMPLE),
      stateCounts: [...dones.flatMap((d) => d.stateCounts).reduce((acc, [k, v]) => acc.set(k, (acc.get(k) ?? 0) + v), new Map<string, number>())],
    };
    const loadSecs = (Date.now() - t0) / 1000;
    const cpuLine = (from: { node: NodeJS.CpuUsage; pg: number }) => {
      const n = process.cpuUsage(from.node);
      return `Node ${((n.user + n.system) / 1e6).toFixed(1)} CPU s, PostgreSQL ${(backendCpuSeconds(backends) - from.pg).toFixed(1)} CPU s`;
    };
    const cpuLoad = cpuLine(cpu0);
    const cpu1 = { node: process.cpuUsage(), pg: backendCpuSeconds(backends) };
    let restoredIn = '';
    if (dropped) {
      process.stdout.write('\nkeys, indexes and foreign keys...');
      // The audit connection keeps the chain's lock until its keys are back; each builder gets memory to sort in.
      const builders = [...writers, audit];
      for (const b of builders) await b.query(`set maintenance_work_mem = '${MAINTENANCE_WORK_MEM}'; set max_parallel_maintenance_workers = 0`);
      const r = await restoreAfterLoad(builders, dropped, counts);
      restoredIn = `, keys and indexes ${r.indexSeconds.toFixed(1)} s, foreign keys ${r.foreignKeySeconds.toFixed(1)} s`;
    }
    restored = true;
    const cpuRestore = dropped ? `; restoring: ${cpuLine(cpu1)}` : '';
    await audit.query(`select pg_advisory_unlock(${0x4d415352}, ${0x41554454})`);
    await audit.end();
    for (const w of writers.slice(1)) await w.end();
    process.stdout.write('\nanalyze...');
    const a0 = Date.now();
    await client.query(`analyze offices, users, ${LOADED_TABLES.join(', ')}`);
    const secs = (Date.now() - t0) / 1000;
    console.log(`\nseeded ${files.toLocaleString('en')} files in ${secs.toFixed(1)} s on ${new URL(url).pathname.slice(1)} (COPY ${loadSecs.toFixed(1)} s${restoredIn}, analyze ${((Date.now() - a0) / 1000).toFixed(1)} s):`);
    console.log(`  load: ${cpuLoad}${cpuRestore} (load average ${loadavg().map((l) => l.toFixed(1)).join(' ')})`);
    for (const [name, n] of counts) console.log(`  ${name.padEnd(30)} ${n.toLocaleString('en').padStart(12)} rows`);
    console.log(`  offices ${OFFICES.length}, staff ${Object.values(staff).reduce((a, s) => a + s.caseworkers.length + s.supervisors.length, 0)}, audit chain head seq ${done.seq}, ${workers.length} generator threads`);
    const byKind = new Map<string, [string, number][]>();
    for (const [k, v] of done.stateCounts) {
      const [kind, state] = k.split(':') as [string, string];
      byKind.set(kind, [...(byKind.get(kind) ?? []), [state, v]]);
    }
    for (const [kind, list] of byKind) console.log(`  ${kind}: ${list.sort((a, b) => b[1] - a[1]).map(([s, v]) => `${s} ${v}`).join(', ')}`);
    if (CODES_OUT) {
      mkdirSync(dirname(CODES_OUT), { recursive: true });
      writeFileSync(CODES_OUT, done.codes.join('\n') + '\n', { mode: 0o600 });
      console.log(`  ${done.codes.length} reference,access-code pairs written to ${CODES_OUT} (keep it private: the codes are secrets)`);
    }
  } finally {
    // A load that failed half-way still gets its schema back (what it wrote stays).
    if (dropped && !restored) {
      console.error('\nthe load failed: putting the keys, indexes and foreign keys back');
      await restoreAfterLoad([client], dropped, new Map()).catch((e) => console.error(`could not restore the schema: ${(e as Error).message}\n${[...dropped!.keys, ...dropped!.indexes, ...dropped!.foreignKeys].map((d) => d.sql).join(';\n')}`));
    }
    await client.end();
    if (embedded?.started) await embedded.stop();
  }
}

/** The tables the seed writes with COPY, parents first (the order of the COPY when foreign keys stay on). */
const LOADED_TABLES = ['applicants', 'applicant_identity_documents', 'applications', 'case_history', 'case_deadlines', 'documents', 'audit_events'] as const;

const AUDIT_COLUMNS = ['seq', 'id', 'occurred_at', 'action', 'actor_id', 'actor_role', 'subject_type', 'subject_id', 'application_id', 'fields', 'details', 'request_id', 'ip', 'prev_hash', 'hash'];

/** CPU seconds (user + system) the server processes of the load have used so far (0 when they are elsewhere). */
function backendCpuSeconds(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(f[11]) + Number(f[12]);
    } catch {
      return 0;
    }
  }
  return ticks / 100;
}

async function copyText(client: Client, t: { name: string; columns: string[]; text: string }): Promise<void> {
  if (!t.text) return;
  const stream = client.query(copyFrom(`copy ${t.name} (${t.columns.join(', ')}) from stdin`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  const SLICE = 4 * 1024 * 1024;
  for (let i = 0; i < t.text.length; i += SLICE) {
    if (!stream.write(t.text.slice(i, i + SLICE))) await new Promise((r) => stream.once('drain', r));
  }
  stream.end();
  await done;
}

/** The generator (worker thread): builds each chunk's rows as COPY text, then waits for the previous chunk's ack. */
async function generate(setup: Setup): Promise<void> {
  seed = setup.seed;
  const config = loadConfig();
  const cipher = new FieldCipher(config.crypto.dataKeys, config.crypto.currentKeyId);
  const blind = new BlindIndex(config.crypto.blindIndexKey);
  const { officeIds, staff } = setup;
  const FILES = setup.files;
  const CHUNK = setup.chunk;
  const CODES_SAMPLE = setup.codesSample;
  const CODES_OUT = setup.wantCodes;
  const commissionId = officeIds.CNR!;
  const commission = staff.CNR!;
  const fieldOffices = OFFICES.filter((o) => o.kind !== 'national_commission');
  const officeOf = weighted(fieldOffices.map((o) => [o.code, o.weight] as const));
  const taken = new Set(setup.taken);
  // References are drawn at random; each generator keeps those of its own share so that two never draw the same.
  const mine = (ref: string) => ref.charCodeAt(3) % setup.generators === setup.generator;
  let acks = 0;
  let waiter: (() => void) | null = null;
  parentPort!.on('message', () => {
    acks++;
    waiter?.();
  });
    const T = {
      applicants: new Table('applicants', ['id', 'latin_name', 'arabic_name', 'name_keys', 'name_skeleton', 'birth_year', 'birth_date_enc', 'sex', 'nationality', 'phone_enc', 'email_enc', 'address_enc', 'preferred_language', 'created_by', 'created_at', 'updated_at']),
      identity: new Table('applicant_identity_documents', ['id', 'applicant_id', 'type', 'number_enc', 'number_index', 'issuing_country', 'expires_on', 'created_at']),
      applications: new Table('applications', ['id', 'reference', 'access_code_hash', 'kind', 'category', 'criteria_version', 'modality', 'applicant_id', 'office_id', 'appeal_office_id', 'nationality', 'state', 'final', 'version', 'assignee_id', 'assigned_at', 'due_at', 'proposal', 'first_decision', 'interview', 'interview_held_at', 'card_expires_on', 'submitted_at', 'decided_at', 'created_by', 'created_at', 'updated_at']),
      history: new Table('case_history', ['id', 'application_id', 'version', 'action', 'from_state', 'to_state', 'actor_id', 'actor_role', 'reason', 'data', 'at']),
      deadlines: new Table('case_deadlines', ['id', 'application_id', 'clock', 'started_at', 'due_at', 'milestones', 'fired', 'next_at', 'stopped_at', 'escalated_at']),
      documents: new Table('documents', ['id', 'application_id', 'person_id', 'kind', 'content_type', 'sha256', 'size_bytes', 'issued_on', 'expires_on', 'status', 'rejection_reason', 'rejection_detail', 'uploaded_by', 'uploaded_by_role', 'uploaded_at', 'checked_at']),
    };
    let auditMiddle: string[] = [];
    let auditBodies: string[] = [];
    const auditEvent = (b: AuditEventBody) => {
      auditMiddle.push([b.id, b.occurredAt, b.action, b.actorId, b.actorRole, b.subjectType, b.subjectId, b.applicationId, pgArray(b.fields), b.details, b.requestId, b.ip].map(esc).join('\t'));
      auditBodies.push(canonicalBody(b));
    };

    const codes: string[] = [];
    const now = Date.now();
    const campaignStart = now - 240 * DAY;
    const stateCounts = new Map<string, number>();
    let files = 0;
    let posted = 0;
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

    for (let chunkStart = setup.generator * CHUNK; chunkStart < FILES; chunkStart += CHUNK * setup.generators) {
      const n = Math.min(CHUNK, FILES - chunkStart);
      for (let i = 0; i < n; i++) {
        // ---- the person
        const [nat, , group, lang] = nationality();
        const pool = NAMES[group];
        const sex = rnd() < 0.58 ? 'male' : 'female';
        const given = pick(sex === 'male' ? pool.male : pool.female);
        const family = pick(pool.family);
        const scripts = rnd();
        const latin = scripts < 0.9 ? `${given[0]} ${family[0]}` : null;
        const arabic = scripts > 0.25 || !latin ? `${given[1]} ${family[1]}` : null;
        const keys = nameKeys(latin, arabic);
        const birthYear = 1960 + Math.floor(rnd() * 48);
        const birthDate = rnd() < 0.85 ? { year: birthYear, month: 1 + Math.floor(rnd() * 12), day: 1 + Math.floor(rnd() * 28) } : { year: birthYear };
        const officeCode = officeOf();
        const officeId = officeIds[officeCode]!;
        const team = staff[officeCode]!;
        const clerk = pick(team.caseworkers);
        const openedAt = campaignStart + rnd() * (now - campaignStart - DAY);
        const applicantId = uuid();
        const phone = rnd() < 0.8 ? `+2126${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}` : null;
        const email = rnd() < 0.35 ? `${(latin ?? 'person').toLowerCase().normalize('NFD').replace(/[^a-z]+/g, '.')}${Math.floor(rnd() * 1e4)}@example.org` : null;
        T.applicants.add([
          applicantId, latin, arabic, pgArray(keys), keys.join(' '), birthYear, cipher.encrypt(JSON.stringify(birthDate), 'applicants.birth_date'), sex, nat,
          cipher.encryptNullable(phone, 'applicants.phone'), cipher.encryptNullable(email, 'applicants.email'),
          cipher.encrypt(`${1 + Math.floor(rnd() * 200)} rue ${pick(['Hassan II', 'Mohammed V', 'des Orangers', 'Ibn Sina', 'Al Massira'])}, ${officeCode}`, 'applicants.address'),
          rnd() < 0.85 ? lang : pick(['ar', 'fr', 'en', 'es'] as const), clerk, new Date(openedAt), new Date(openedAt),
        ]);
        auditEvent({ id: uuid(), occurredAt: new Date(openedAt).toISOString(), action: 'case.applicant_registered', actorId: clerk, actorRole: 'caseworker', subjectType: 'applicant', subjectId: applicantId, applicationId: null, fields: ['birthDate', 'documents', 'latinName', 'nationality', 'sex'].filter((f) => f !== 'latinName' || latin), details: { candidatesShown: 0, confirmedNew: false }, requestId: null, ip: null });
        // Most migrants hold a passport or a consular card; asylum seekers often hold nothing.
        const kind = kindOf();
        if (kind !== 'asylum' || rnd() < 0.4) {
          const number = `${String.fromCharCode(65 + Math.floor(rnd() * 26))}${String.fromCharCode(65 + Math.floor(rnd() * 26))}${String(Math.floor(rnd() * 1e7)).padStart(7, '0')}`;
          T.identity.add([uuid(), applicantId, rnd() < 0.8 ? 'passport' : pick(['national_id', 'consular_card', 'travel_document'] as const), cipher.encrypt(normaliseDocumentNumber(number), 'applicant_identity_documents.number'), blind.documentNumber(number), nat, day(openedAt + (rnd() * 3000 - 500) * DAY), new Date(openedAt)]);
        }

        // ---- the file
        const def = workflowFor(kind);
        let category: string | null = null;
        let criteria: string | null = null;
        if (kind === 'regularisation') {
          category = categoryOf();
          criteria = SIX.includes(category) ? (rnd() < 0.7 ? 'MA-2016' : 'MA-2016-R') : 'MA-2016-R';
        }
        const modality = kind === 'asylum' ? modalityOf() : null;
        const cardExpiresOn = kind === 'renewal' ? day(openedAt + (20 + rnd() * 70) * DAY) : null;
        let reference = generateReference();
        while (taken.has(reference) || !mine(reference)) reference = generateReference();
        taken.add(reference);
        const accessCode = generateAccessCode();
        if (CODES_OUT && codes.length < CODES_SAMPLE && rnd() < Math.max(0.02, (CODES_SAMPLE * setup.generators) / FILES)) codes.push(`${reference},${accessCode}`);
        const id = uuid();
        const steps = walk(def, openedAt, now - 60_000);
        let state = def.initial;
        let version = 1;
        let assignee: string | null = null;
        let assignedAt: number | null = null;
        let proposal: Record<string, unknown> | null = null;
        let proposer: string | null = null;
        let firstDecision: Record<string, unknown> | null = null;
        let interview: Record<string, unknown> | null = null;
        let interviewHeld: number | null = null;
        let submittedAt: number | null = null;
        let decidedAt: number | null = null;
        let appealOffice: string | null = null;
        let enteredAt = openedAt;
        T.history.add([uuid(), id, 1, 'open', null, def.initial, clerk, 'caseworker', null, { kind, category, criteriaVersion: criteria }, new Date(openedAt)]);
        auditEvent({ id: uuid(), occurredAt: new Date(openedAt).toISOString(), action: 'case.application_opened', actorId: clerk, actorRole: 'caseworker', subjectType: 'application', subjectId: id, applicationId: id, fields: ['kind', 'category', 'criteriaVersion'].filter((f) => f === 'kind' || kind === 'regularisation'), details: { kind }, requestId: null, ip: null });
        for (const { t, at } of steps) {
          const appealBody = t.scope === 'appeal_body';
          const byRole = t.by.includes('system') && (t.action === 'close_unappealed' || t.action === 'lapse') ? 'system' : t.by.includes('caseworker') ? 'caseworker' : t.by.includes('supervisor') ? 'supervisor' : t.by[0]!;
          const people = appealBody ? commission : team;
          let actor: string = byRole === 'system' ? '00000000-0000-0000-0000-000000000000' : byRole === 'supervisor' ? pick(people.supervisors) : appealBody ? pick(people.caseworkers) : (assignee ?? clerk);
          if (byRole === 'caseworker' && !assignee && !appealBody && rnd() < 0.85) {
            assignee = actor = pick(team.caseworkers);
            assignedAt = at - rnd() * DAY;
          }
          if (byRole === 'supervisor' && proposer === actor) actor = people.supervisors.find((s) => s !== proposer) ?? actor;
          const from = state;
          state = t.to;
          version += 1;
          const fields = ['state', 'version', 'final'];
          let reason: string | null = null;
          for (const e of t.effects) {
            if (e.kind === 'propose_decision') {
              proposer = actor;
              reason = e.outcome === 'unfavourable' ? 'The conditions of the category are not met.' : null;
              proposal = { outcome: e.outcome, proposedBy: actor, at: new Date(at).toISOString(), reason };
              fields.push('proposal');
            } else if (e.kind === 'clear_proposal') {
              proposal = null;
              reason = 'Sent back for a fuller assessment.';
              fields.push('proposal');
            } else if (e.kind === 'decide') {
              decidedAt = at;
              fields.push('decided_at');
              if (e.instance === 'first') {
                firstDecision = { outcome: e.outcome, deciders: [proposer ?? actor, actor], at: new Date(at).toISOString(), reason: proposal?.reason ?? null };
                fields.push('first_decision');
              }
              if (e.outcome === 'unfavourable') reason = 'The conditions of the category are not met.';
              proposal = null;
            } else if (e.kind === 'schedule_interview') {
              interview = { at: new Date(at + (7 + rnd() * 30) * DAY).toISOString(), place: `Bureau des étrangers ${officeCode}`, interpreterLanguage: lang === 'fr' ? null : lang };
              fields.push('interview');
            } else if (e.kind === 'record_interview') {
              interviewHeld = at;
              fields.push('interview_held_at');
            } else if (e.kind === 'unassign') {
              assignee = null;
              assignedAt = null;
            }
          }
          if (!appealOffice && def.transitions.some((x) => x.scope === 'appeal_body' && x.from.includes(state))) {
            appealOffice = commissionId;
            assignee = null;
            assignedAt = null;
          }
          if (from === def.initial && !submittedAt) submittedAt = at;
          T.history.add([uuid(), id, version, t.action, from, state, actor, byRole, reason, t.action === 'request_documents' ? { requested: ['proof_of_residence'] } : {}, new Date(at)]);
          auditEvent({ id: uuid(), occurredAt: new Date(at).toISOString(), action: 'case.transition', actorId: byRole === 'system' ? null : actor, actorRole: byRole, subjectType: 'application', subjectId: id, applicationId: id, fields: [...new Set(fields)].sort(), details: { transition: t.action, from, to: state, version }, requestId: null, ip: null });
          enteredAt = at;
        }
        const st = def.states.find((s) => s.name === state)!;
        if (st.final) {
          assignee = null;
          assignedAt = null;
        }
        // The clock of the state the file is in; an ended clock without an automatic action has escalated.
        let dueAt: Date | 'infinity' = 'infinity';
        if (st.clock) {
          const s = scheduleClock(st.clock, new Date(enteredAt), DEFAULT_CLOCK_POLICY, { cardExpiresAt: cardExpiresOn ? new Date(`${cardExpiresOn}T00:00:00Z`) : null, modality });
          const past = s.milestones.filter((m) => m.at.getTime() <= now);
          const ahead = s.milestones.filter((m) => m.at.getTime() > now);
          const ended = past.some((m) => m.milestone === 'end');
          T.deadlines.add([uuid(), id, st.clock, s.startedAt, s.dueAt, s.milestones.map((m) => ({ milestone: m.milestone, at: m.at.toISOString() })), pgArray(past.map((m) => m.milestone)), ahead[0]?.at ?? null, null, ended ? s.milestones.find((m) => m.milestone === 'end')!.at : null]);
          dueAt = s.dueAt;
        }
        stateCounts.set(`${kind}:${state}`, (stateCounts.get(`${kind}:${state}`) ?? 0) + 1);
        T.applications.add([
          id, reference, hashAccessCode(accessCode, config.crypto.accessCodeKey), kind, category, criteria, modality, applicantId, officeId, appealOffice, nat, state, !!st.final, version,
          assignee, assignedAt ? new Date(assignedAt) : null, dueAt, proposal, firstDecision, interview, interviewHeld ? new Date(interviewHeld) : null, cardExpiresOn,
          submittedAt ? new Date(submittedAt) : null, decidedAt ? new Date(decidedAt) : null, clerk, new Date(openedAt), new Date(enteredAt),
        ]);

        // ---- documents: the checklist of the kind and category, uploaded once the file is submitted
        if (submittedAt) {
          const progressed = version > 3;
          for (const d of requiredDocuments(kind, category)) {
            if (!d.required && rnd() < 0.5) continue;
            if (!progressed && rnd() < 0.25) continue;
            const status = !progressed ? (rnd() < 0.6 ? 'pending_check' : 'verified') : rnd() < 0.95 ? 'verified' : rnd() < 0.5 ? 'in_review' : 'rejected';
            const uploadedAt = submittedAt + rnd() * DAY;
            T.documents.add([
              uuid(), id, applicantId, d.kind, d.kind === 'photo' ? 'image/jpeg' : rnd() < 0.7 ? 'application/pdf' : 'image/jpeg', hex(32), 40_000 + Math.floor(rnd() * 2_000_000),
              d.kind === 'identity_document' ? day(uploadedAt - rnd() * 2000 * DAY) : d.kind === 'photo' ? null : day(uploadedAt - rnd() * 60 * DAY),
              d.kind === 'identity_document' ? day(uploadedAt + (30 + rnd() * 2000) * DAY) : null,
              status, status === 'rejected' ? 'document_expired' : null, status === 'rejected' ? 'The identity document has expired.' : null,
              clerk, 'caseworker', new Date(uploadedAt), status === 'pending_check' ? null : new Date(uploadedAt + rnd() * 600_000),
            ]);
          }
        }
        files++;
      }
      // Wait until the chunk before the previous one is written: one being copied, one ready, at most.
      while (posted - acks >= 1) await new Promise<void>((r) => (waiter = r));
      waiter = null;
      const tables = Object.values(T).map((t) => ({ name: t.name, columns: t.columns, rows: t.rows.length, text: t.rows.length ? t.rows.join('\n') + '\n' : '' }));
      for (const t of Object.values(T)) t.rows = [];
      const audit = { middle: auditMiddle, bodies: auditBodies };
      auditMiddle = [];
      auditBodies = [];
      parentPort!.postMessage({ type: 'chunk', generator: setup.generator, files: n, tables, audit } satisfies ChunkMessage);
      posted++;
    }
    parentPort!.postMessage({ type: 'done', generator: setup.generator, codes, stateCounts: [...stateCounts] } satisfies DoneMessage);
}

if (isMainThread) {
  main().then(
    () => process.exit(0),
    (e) => {
      console.error(e instanceof Error ? (e.stack ?? e.message) : e);
      process.exit(1);
    },
  );
} else {
  void generate(workerData as Setup);
}
