import nodemailer, { type Transporter } from 'nodemailer';
import type { Collection, Document } from 'mongodb';
import type { Connection } from 'mongoose';
import type { Clock } from '../../lib/clock.js';
import { candidateGroupsOf, type OrganisationDirectory } from '../organisation/index.js';

export interface Notice {
  /** Same key, same notice: a retried job sends nothing twice. */
  key: string;
  kind: string;
  groups: string[];
  subject: string;
  text: string;
  processInstanceKey?: string;
  /** The task the notice is about, opened from the in-app notice. */
  taskKey?: string;
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

interface Member {
  username: string;
  email?: string;
}

/**
 * Who is in each candidate group. A poll may send thousands of notices, so this is worked out from the users and
 * units once for this long, not for every notice. A user added to a unit meanwhile hears of the tasks created after.
 */
const ROSTER_MS = 30_000;
/**
 * A group nobody is in yet is most likely a unit created since the roster was read (created, staffed and sent its
 * first task within a minute while an administrator sets it up): the roster is read again then, at most this often.
 */
const UNKNOWN_GROUP_REREAD_MS = 2_000;

/** E-mail to the members of candidate groups plus an in-app notification each (issue 4, item 5). */
export class Notifier {
  private readonly transport: Transporter | undefined;
  private roster: { at: number; byGroup: Promise<ReadonlyMap<string, readonly Member[]>> } | undefined;

  constructor(private readonly options: NotifierOptions) {
    this.transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : undefined;
  }

  async ensureIndexes(): Promise<void> {
    await this.options.connection.collection('notifications').createIndex({ username: 1, createdAt: -1 });
  }

  /** Forgets who is in each group (a user or unit changed, perhaps through another replica): read again when needed. */
  forgetRoster(): void {
    this.roster = undefined;
  }

  /** The members of any of the groups, each once, by username. */
  async membersOf(groups: string[]): Promise<Member[]> {
    const now = this.options.clock.now().getTime();
    if (!this.roster || now - this.roster.at >= ROSTER_MS || now < this.roster.at)
      this.roster = { at: now, byGroup: this.readRoster() };
    let byGroup = await this.currentRoster();
    if (
      groups.some((group) => !byGroup.has(group)) &&
      now - (this.roster?.at ?? 0) >= UNKNOWN_GROUP_REREAD_MS
    ) {
      this.roster = { at: now, byGroup: this.readRoster() };
      byGroup = await this.currentRoster();
    }
    const members = new Map<string, Member>();
    for (const group of groups)
      for (const member of byGroup.get(group) ?? []) members.set(member.username, member);
    return [...members.values()].sort((a, b) => a.username.localeCompare(b.username));
  }

  private currentRoster(): Promise<ReadonlyMap<string, readonly Member[]>> {
    const roster = this.roster;
    if (!roster) return this.readRoster();
    return roster.byGroup.catch((error: unknown) => {
      if (this.roster === roster) this.roster = undefined;
      throw error;
    });
  }

  private async readRoster(): Promise<ReadonlyMap<string, readonly Member[]>> {
    const { directory } = this.options;
    const [unitList, users] = await Promise.all([
      directory.units.list({ includeInactive: true }),
      directory.users.list(),
    ]);
    const units = new Map(unitList.map((unit) => [unit.code, unit]));
    const byGroup = new Map<string, Member[]>();
    for (const user of users) {
      const member: Member = { username: user.username, email: user.email };
      for (const group of candidateGroupsOf(user, (code) => units.get(code))) {
        const list = byGroup.get(group);
        if (list) list.push(member);
        else byGroup.set(group, [member]);
      }
    }
    return byGroup;
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
        taskKey: notice.taskKey ?? null,
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
