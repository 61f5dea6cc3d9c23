import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A notification asked for about a file: the event and its parameters, when asked and when sent. */
export interface ExportedNotification {
  event: string;
  params: unknown;
  requestedAt: string;
  sentAt: string | null;
}

/** A message of the applicant's in-app inbox. */
export interface ExportedInboxMessage {
  event: string;
  language: string;
  subject: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

export interface ExportedNotifications {
  notifications: ExportedNotification[];
  inbox: ExportedInboxMessage[];
}

/**
 * The right of access: what this context holds about the given files, for the applicant's export of their data
 * (assembled by the supervision context, which has checked that the files are the applicant's own): the
 * notifications about each file, and the in-app messages of the applicant's own account (`userId`) only, oldest
 * first. Every file asked for has an entry.
 */
@Injectable()
export class ExportNotificationData {
  async forApplications(manager: EntityManager, applicationIds: string[], userId: string): Promise<Map<string, ExportedNotifications>> {
    const out = new Map<string, ExportedNotifications>(applicationIds.map((id) => [id, { notifications: [], inbox: [] }]));
    if (applicationIds.length === 0) return out;
    // One after the other: the manager may be a transaction's, with one connection.
    const notifications: Record<string, any>[] = await manager.query(
      `select application_id, event, params, requested_at, dispatched_at from notifications where application_id = any($1::uuid[]) order by requested_at`,
      [applicationIds],
    );
    const inbox: Record<string, any>[] = await manager.query(
      `select application_id, event, language, subject, body, created_at, read_at from notification_inbox
        where application_id = any($1::uuid[]) and user_id = $2 order by created_at`,
      [applicationIds, userId],
    );
    for (const n of notifications) {
      out.get(n.application_id)?.notifications.push({ event: n.event, params: n.params, requestedAt: iso(n.requested_at)!, sentAt: iso(n.dispatched_at) });
    }
    for (const i of inbox) {
      out.get(i.application_id)?.inbox.push({ event: i.event, language: i.language, subject: i.subject, body: i.body, createdAt: iso(i.created_at)!, readAt: iso(i.read_at) });
    }
    return out;
  }
}

function iso(v: Date | string | null): string | null {
  return v === null ? null : new Date(v).toISOString();
}
