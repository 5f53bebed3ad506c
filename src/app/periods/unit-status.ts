import type { UnitStatusCode } from '../../shared/contracts/index.js';
import type { PeriodProfile } from './period-profiles.js';

/** A user task of one unit, as Camunda's user-task search returns it. */
export interface UnitTaskFact {
  userTaskKey: string;
  elementId: string;
  /** CREATED while open; COMPLETED, CANCELED, FAILED afterwards (CREATING/ASSIGNING… count as open). */
  state: string;
  assignee: string | null;
  candidateGroups: string[];
  creationDate: string;
  completionDate: string | null;
}

/** What is known of one unit in one period: the engine's searches and the app's own records. */
export interface UnitFacts {
  /** The unit's inner instance of the per-unit sub-process, once the engine shows it. */
  scope: { state: string; startDate: string; endDate: string | null } | null;
  tasks: UnitTaskFact[];
  /** The report filed on acceptance (records: reports), the app's own word that it was accepted. */
  record: { acceptedAt: string; late: boolean } | null;
  /** The unit scope's own variables (processes/README.md): sent, overdue, who returned it. May lag or be absent. */
  variables: { daGui?: unknown; quaHan?: unknown; traLaiBoi?: unknown };
}

export interface PeriodClock {
  now: string;
  dueDate: string | null;
  /** The collection is over (the per-unit body ended, or the instance did): units not in are missing. */
  collectionClosed: boolean;
}

export interface DerivedUnitStatus {
  status: UnitStatusCode;
  stage: UnitStatusCode;
  late: boolean;
  returnedBy: string | null;
  /** The open task of the unit's current step. */
  openTask: UnitTaskFact | null;
  openedAt: string | null;
  submittedAt: string | null;
  acceptedAt: string | null;
}

const CLOSED_TASK = new Set(['COMPLETED', 'CANCELED', 'FAILED']);
const isOpen = (task: UnitTaskFact) => !CLOSED_TASK.has(task.state);
const isCompleted = (task: UnitTaskFact) => task.state === 'COMPLETED';
const byCreation = (a: UnitTaskFact, b: UnitTaskFact) => a.creationDate.localeCompare(b.creationDate);
const earliest = (dates: (string | null | undefined)[]): string | null =>
  dates.filter((d): d is string => !!d).sort()[0] ?? null;
const after = (a: string | null, b: string | null) => !!a && !!b && Date.parse(a) > Date.parse(b);

/** The steps where the report has not left the unit: these turn `late` once the due date has passed. */
const NOT_SENT: ReadonlySet<UnitStatusCode> = new Set([
  'not-started',
  'drafting',
  'awaiting-head',
  'returned',
]);

/**
 * A unit's status in a period, from facts that may each lag behind the others (Camunda answers searches from
 * secondary storage): the most advanced evidence wins — a filed report means accepted even before the engine's
 * search shows the review completed, and an open task is trusted over variables. Pure: no I/O, no clock.
 */
export function deriveUnitStatus(
  profile: PeriodProfile,
  facts: UnitFacts,
  clock: PeriodClock,
): DerivedUnitStatus {
  const tasks = [...facts.tasks].sort(byCreation);
  const of = (elementId: string | null) => (elementId ? tasks.filter((t) => t.elementId === elementId) : []);
  const drafts = of(profile.draftTask);
  const heads = of(profile.headTask);
  // A review after the cut-off is the same body's review of the same report.
  const reviews = [...of(profile.reviewTask), ...of(profile.lateReviewTask)].sort(byCreation);
  const open = tasks.filter(isOpen);
  const openOf = (list: UnitTaskFact[]) => list.filter(isOpen).at(-1) ?? null;

  // Sent = it reached the reviewer (or, without one, the drafter completed it). A finished review task whose unit the
  // engine no longer tells leaves the head's approval as the evidence (set below, once the stage is known).
  let firstSent = profile.reviewTask
    ? earliest(reviews.map((t) => t.creationDate))
    : earliest(drafts.filter(isCompleted).map((t) => t.completionDate));
  const openedAt = earliest([drafts[0]?.creationDate, facts.scope?.startDate]);
  const acceptedReview = reviews.filter(isCompleted).at(-1);

  const returnedBy = returnOf(profile, facts, heads, reviews, drafts);
  let stage: UnitStatusCode;
  let openTask: UnitTaskFact | null = null;
  const scopeState = facts.scope?.state;
  const finalStage: UnitStatusCode = profile.reviewTask ? 'accepted' : 'submitted';

  // Where the collection's cut-off closes each unit's drafting (lateReviewTask), a unit instance also completes when
  // the unit never sent: only daGui (sent, not returned) makes a completed instance an accepted one.
  const endedUnsent =
    scopeState === 'COMPLETED' && profile.lateReviewTask !== null && facts.variables.daGui !== true;
  if (facts.record || (scopeState === 'COMPLETED' && !endedUnsent)) {
    stage = finalStage;
  } else if ((openTask = openOf(reviews))) {
    stage = 'submitted';
  } else if ((openTask = openOf(heads))) {
    stage = 'awaiting-head';
  } else if ((openTask = openOf(drafts))) {
    stage = returnedBy ? 'returned' : openTask.assignee ? 'drafting' : 'not-started';
  } else if (scopeState === 'TERMINATED' || endedUnsent || clock.collectionClosed) {
    stage = 'missing';
  } else if (open.length === 0 && tasks.length > 0) {
    // Between two steps (the next task not visible yet): the last completed one says where it went.
    stage = stageAfter(profile, tasks.filter(isCompleted).at(-1), facts);
  } else {
    stage = 'not-started';
  }

  if (!firstSent && (stage === 'submitted' || stage === 'accepted'))
    firstSent = heads.filter(isCompleted).at(-1)?.completionDate ?? null;
  const sentOnTime = !!firstSent && !!clock.dueDate && !after(firstSent, clock.dueDate);
  const overdueNow = NOT_SENT.has(stage) && after(clock.now, clock.dueDate) && !sentOnTime;
  const late =
    facts.record?.late === true ||
    facts.variables.quaHan === true ||
    (!!firstSent && after(firstSent, clock.dueDate)) ||
    overdueNow;
  return {
    status: overdueNow ? 'late' : stage,
    stage,
    late: stage === 'missing' ? true : late,
    returnedBy: stage === 'returned' || (overdueNow && returnedBy) ? returnedBy : null,
    openTask: openTask ?? (stage === 'missing' || stage === finalStage ? null : (open.at(-1) ?? null)),
    openedAt,
    submittedAt:
      firstSent ?? (stage === finalStage && !profile.reviewTask ? (facts.scope?.endDate ?? null) : null),
    acceptedAt:
      stage === 'accepted'
        ? (facts.record?.acceptedAt ?? acceptedReview?.completionDate ?? facts.scope?.endDate ?? null)
        : null,
  };
}

/** Who sent the report back, if the drafter's task is open again after a review. */
function returnOf(
  profile: PeriodProfile,
  facts: UnitFacts,
  heads: UnitTaskFact[],
  reviews: UnitTaskFact[],
  drafts: UnitTaskFact[],
): string | null {
  const openDraft = drafts.filter(isOpen).at(-1);
  if (!openDraft) return typeof facts.variables.traLaiBoi === 'string' ? facts.variables.traLaiBoi : null;
  // A review completed before the open draft was created is what sent it back.
  const before = [...heads, ...reviews]
    .filter((t) => isCompleted(t) && !after(t.completionDate, openDraft.creationDate))
    .sort((a, b) => (a.completionDate ?? '').localeCompare(b.completionDate ?? ''))
    .at(-1);
  if (!before) return null;
  if (typeof facts.variables.traLaiBoi === 'string') return facts.variables.traLaiBoi;
  return before.elementId === profile.headTask ? 'truong-don-vi' : 'ban-tuyen-giao';
}

/** The step after the last completed task, while the next task is not yet visible in the search. */
function stageAfter(
  profile: PeriodProfile,
  last: UnitTaskFact | undefined,
  facts: UnitFacts,
): UnitStatusCode {
  if (!last) return 'not-started';
  const sent = facts.variables.daGui === true;
  if (last.elementId === profile.draftTask) return profile.headTask ? 'awaiting-head' : 'submitted';
  if (last.elementId === profile.headTask) return sent ? 'submitted' : 'returned';
  if (last.elementId === profile.reviewTask) return sent ? 'accepted' : 'returned';
  if (last.elementId === profile.lateReviewTask) return 'accepted';
  return 'not-started';
}
