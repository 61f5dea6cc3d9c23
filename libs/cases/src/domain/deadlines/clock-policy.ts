/**
 * How long each clock runs. The defaults follow the procedures: a provincial opinion within two months; an appeal
 * window of 30 days applied flexibly, the file closing only about six weeks after notification; renewal reminders
 * 60 and 30 days before the card expires. Asylum decision times by processing modality and the lapse grace period
 * are policy choices of the administration, hence configurable.
 */
export type AsylumModality = 'regular' | 'accelerated' | 'simplified';

export interface ClockPolicy {
  provincialReviewMonths: number;
  informationRequestDays: number;
  appealWindowDays: number;
  /** Days after the appeal deadline before an unappealed file is closed. */
  appealGraceDays: number;
  renewalReminderDaysBefore: readonly number[];
  /** Days after expiry before a card with no renewal request lapses. */
  lapseGraceDays: number;
  asylumDecisionDays: Record<AsylumModality, number>;
  /** Validity of a card when the caseworker does not give the date printed on it (1 year; 3 were considered). */
  cardValidityYears: number;
  /** Days before a card's expiry when its renewal file opens, early enough for the 60-day reminder. */
  renewalFileOpensDaysBefore: number;
}

export const DEFAULT_CLOCK_POLICY: ClockPolicy = {
  provincialReviewMonths: 2,
  informationRequestDays: 30,
  appealWindowDays: 30,
  appealGraceDays: 12,
  renewalReminderDaysBefore: [60, 30],
  lapseGraceDays: 30,
  asylumDecisionDays: { regular: 180, accelerated: 30, simplified: 90 },
  cardValidityYears: 1,
  renewalFileOpensDaysBefore: 75,
};
