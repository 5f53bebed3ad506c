import nodemailer, { type Transporter } from 'nodemailer';
import type { Collection, Document } from 'mongodb';
import type { Connection } from 'mongoose';
import type { Clock } from '../../lib/clock.js';
import { candidateGroupsOf, type OrganisationDirectory, type PublicUser } from '../organisation/index.js';

export interface Notice {
  /** Same key, same notice: a retried job sends nothing twice. */
  key: string;
  kind: string;
  groups: string[];
  subject: string;
  text: string;
  processInstanceKey?: string;
}

export interface NoticeResult {
  recipients: string[];
  emailed: string[];
  alreadySent: boolean;
}

export interface NotifierOptions {
  connection: Connection;
  directory: OrganisationDirectory;
  clock: Clock;
  /** smtp://host:port; without it only the in-app notifications are written. */
  smtpUrl: string | undefined;
  from?: string;
}

/** E-mail to the members of candidate groups plus an in-app notification each (issue 4, item 5). */
/**
 * The users are read for every notice (who is in the groups); a poll may send thousands of notices, so the list is
 * read once for this long. A user added to a unit meanwhile hears of the tasks created after that.
 */
const USERS_READ_MS = 30_000;

export class Notifier {
  private readonly transport: Transporter | undefined;
  private users: { at: number; list: Promise<PublicUser[]> } | undefined;

  constructor(private readonly options: NotifierOptions) {
    this.transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : undefined;
  }

  async ensureIndexes(): Promise<void> {
    await this.options.connection.collection('notifications').createIndex({ username: 1, createdAt: -1 });
  }

  async membersOf(groups: string[]): Promise<{ username: string; email?: string }[]> {
    const wanted = new Set(groups);
    const units = new Map(
      (await this.options.directory.units.list({ includeInactive: true })).map((unit) => [unit.code, unit]),
    );
    const now = this.options.clock.now().getTime();
    if (!this.users || now - this.users.at >= USERS_READ_MS || now < this.users.at)
      this.users = { at: now, list: this.options.directory.users.list() };
    const users = await this.users.list.catch((error: unknown) => {
      this.users = undefined;
      throw error;
    });
    return users
      .filter((user) => candidateGroupsOf(user, (code) => units.get(code)).some((group) => wanted.has(group)))
      .map((user) => ({ username: user.username, email: user.email }))
      .sort((a, b) => a.username.localeCompare(b.username));
  }

  async send(notice: Notice): Promise<NoticeResult> {
    const dispatches = this.options.connection.collection('notification_dispatches');
    const previous = await dispatches.findOne({ _id: notice.key as never });
    if (previous?.sent === true)
      return { recipients: (previous.recipients as string[]) ?? [], emailed: [], alreadySent: true };
    const members = await this.membersOf(notice.groups);
    const recipients = members.map((member) => member.username);

    const now = this.options.clock.now();
    const inbox = this.options.connection.collection('notifications');
    // Inserts, a retry's duplicates ignored: FerretDB scans the collection for every upsert, which grows without end.
    await insertIgnoringDuplicates(
      inbox,
      members.map((member) => ({
        _id: `${notice.key}/${member.username}`,
        username: member.username,
        kind: notice.kind,
        subject: notice.subject,
        text: notice.text,
        processInstanceKey: notice.processInstanceKey ?? null,
        read: false,
        createdAt: now,
      })),
    );
    const emails = members.flatMap((member) => (member.email ? [member.email] : []));
    if (this.transport && emails.length > 0) {
      // One message, recipients in Bcc: members of different units should not see each other's addresses.
      await this.transport.sendMail({
        from: this.options.from ?? 'Đảng ủy Khối <no-reply@localhost>',
        to: this.options.from ?? 'no-reply@localhost',
        bcc: emails,
        subject: notice.subject,
        text: notice.text,
      });
    }
    await insertIgnoringDuplicates(dispatches, [
      { _id: notice.key, sent: true, kind: notice.kind, recipients, sentAt: now },
    ]);
    return { recipients, emailed: emails, alreadySent: false };
  }

  close(): void {
    this.transport?.close();
  }
}

/** Inserts the documents; those already there (same `_id`, from an earlier attempt) are left as they are. */
async function insertIgnoringDuplicates(
  collection: Collection<Document>,
  documents: (Document & { _id: string })[],
): Promise<void> {
  if (documents.length === 0) return;
  try {
    await collection.insertMany(documents as never[], { ordered: false });
  } catch (error) {
    const raw = (error as { writeErrors?: unknown; code?: unknown }).writeErrors;
    const list = (Array.isArray(raw) ? raw : raw ? [raw] : [error]) as { code?: unknown }[];
    if (list.some((item) => item.code !== 11000)) throw error;
  }
}
