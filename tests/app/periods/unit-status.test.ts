/**
 * Issue 15, point 4: a unit's status in a period, derived from the engine's searches and the app's records
 * (src/app/periods/unit-status.ts, pure). Element ids as in processes/bao-cao-dan-van.bpmn and giao-ban-quy.bpmn.
 */
import { describe, expect, it } from 'vitest';
import {
  deriveUnitStatus,
  PERIOD_PROFILES,
  type UnitFacts,
  type UnitTaskFact,
} from '../../../src/app/periods/index.js';

const report = PERIOD_PROFILES['bao-cao-dan-van'];
const briefing = PERIOD_PROFILES['giao-ban-quy'];
const DUE = '2026-06-15T10:00:00.000Z';
const BEFORE_DUE = { now: '2026-06-10T03:00:00.000Z', dueDate: DUE, collectionClosed: false };
const AFTER_DUE = { now: '2026-06-20T03:00:00.000Z', dueDate: DUE, collectionClosed: false };

let next = 1;
function task(
  elementId: string,
  created: string,
  completed: string | null,
  extra: Partial<UnitTaskFact> = {},
) {
  return {
    userTaskKey: String(next++),
    elementId,
    state: completed ? 'COMPLETED' : 'CREATED',
    assignee: null,
    candidateGroups: ['co-so:so-tai-chinh'],
    creationDate: created,
    completionDate: completed,
    ...extra,
  } satisfies UnitTaskFact;
}

const active = { state: 'ACTIVE', startDate: '2026-06-01T01:00:00.000Z', endDate: null };
function facts(tasks: UnitTaskFact[], extra: Partial<UnitFacts> = {}): UnitFacts {
  return { scope: active, tasks, record: null, variables: {}, ...extra };
}

const d = (day: number, hour = 3) => `2026-06-${String(day).padStart(2, '0')}T0${hour}:00:00.000Z`;

describe('deriveUnitStatus — bao-cao-dan-van (Art. 10.2, 11.3)', () => {
  it('a unit whose report task nobody has claimed has not started; once claimed it is drafting', () => {
    expect(deriveUnitStatus(report, facts([task('Task_LapBaoCao', d(1), null)]), BEFORE_DUE).status).toBe(
      'not-started',
    );
    const claimed = deriveUnitStatus(
      report,
      facts([task('Task_LapBaoCao', d(1), null, { assignee: 'sotaichinh.canbo' })]),
      BEFORE_DUE,
    );
    expect(claimed.status).toBe('drafting');
    expect(claimed.openTask?.assignee).toBe('sotaichinh.canbo');
    expect(claimed.openedAt).toBe(active.startDate); // opened to the unit when its instance started
  });

  it('a unit with no instance yet (units just resolved) has not started', () => {
    expect(
      deriveUnitStatus(report, { scope: null, tasks: [], record: null, variables: {} }, BEFORE_DUE).status,
    ).toBe('not-started');
  });

  it('awaiting the head, then submitted to Ban Tuyên giáo with the date it arrived', () => {
    const draft = task('Task_LapBaoCao', d(1), d(2));
    expect(
      deriveUnitStatus(report, facts([draft, task('Task_TruongDonViDuyet', d(2), null)]), BEFORE_DUE).status,
    ).toBe('awaiting-head');
    const sent = deriveUnitStatus(
      report,
      facts([draft, task('Task_TruongDonViDuyet', d(2), d(3)), task('Task_BtgXemXet', d(3), null)]),
      BEFORE_DUE,
    );
    expect(sent).toMatchObject({ status: 'submitted', late: false, submittedAt: d(3) });
  });

  it('returned by the head or by Ban Tuyên giáo: the drafter has it again, and who returned it is known', () => {
    const byHead = deriveUnitStatus(
      report,
      facts([
        task('Task_LapBaoCao', d(1), d(2)),
        task('Task_TruongDonViDuyet', d(2), d(3)),
        task('Task_LapBaoCao', d(3), null),
      ]),
      BEFORE_DUE,
    );
    expect(byHead).toMatchObject({ status: 'returned', returnedBy: 'truong-don-vi' });
    const byBtg = deriveUnitStatus(
      report,
      facts([
        task('Task_LapBaoCao', d(1), d(2)),
        task('Task_TruongDonViDuyet', d(2), d(3)),
        task('Task_BtgXemXet', d(3), d(4)),
        task('Task_LapBaoCao', d(4), null),
      ]),
      BEFORE_DUE,
    );
    expect(byBtg).toMatchObject({ status: 'returned', returnedBy: 'ban-tuyen-giao' });
  });

  it('accepted as soon as the report is filed, even while the engine search still shows the review open', () => {
    const status = deriveUnitStatus(
      report,
      facts(
        [
          task('Task_LapBaoCao', d(1), d(2)),
          task('Task_TruongDonViDuyet', d(2), d(3)),
          task('Task_BtgXemXet', d(3), null),
        ],
        {
          record: { acceptedAt: d(5), late: false },
        },
      ),
      BEFORE_DUE,
    );
    expect(status).toMatchObject({ status: 'accepted', acceptedAt: d(5), openTask: null });
  });

  it('accepted when the unit instance completed, before the report is filed', () => {
    const status = deriveUnitStatus(
      report,
      facts([task('Task_BtgXemXet', d(3), d(4))], {
        scope: { ...active, state: 'COMPLETED', endDate: d(4) },
        variables: { daGui: true },
      }),
      BEFORE_DUE,
    );
    expect(status).toMatchObject({ status: 'accepted', acceptedAt: d(4) });
  });

  it('issue 16, Art. 10.2: at the cut-off a report its head approved awaits Ban Tuyên giáo (submitted), then counts as accepted', () => {
    const cut = [
      task('Task_LapBaoCao', d(1), d(2)),
      task('Task_TruongDonViDuyet', d(2), d(3)),
      task('Task_BtgXemXet', d(3), null, { state: 'CANCELED', candidateGroups: ['ban-tuyen-giao'] }),
    ];
    const late = task('Task_BtgXemXetSauHan', d(25), null, { candidateGroups: ['ban-tuyen-giao'] });
    const waiting = deriveUnitStatus(
      report,
      facts([...cut, late], { variables: { daGui: true } }),
      AFTER_DUE,
    );
    expect(waiting).toMatchObject({ status: 'submitted', late: false });
    expect(waiting.openTask?.elementId).toBe('Task_BtgXemXetSauHan');
    // Reviewed, its instance completed, the record not yet visible.
    const reviewed = deriveUnitStatus(
      report,
      facts([...cut, { ...late, state: 'COMPLETED', completionDate: d(26) }], {
        scope: { ...active, state: 'COMPLETED', endDate: d(26) },
        variables: { daGui: true },
      }),
      AFTER_DUE,
    );
    expect(reviewed.status).toBe('accepted');
  });

  it('issue 16: a unit whose instance ended at the cut-off without sending is missing, not accepted', () => {
    const status = deriveUnitStatus(
      report,
      facts([task('Task_LapBaoCao', d(1), null, { state: 'CANCELED' })], {
        scope: { ...active, state: 'COMPLETED', endDate: d(25) },
        variables: { daGui: false },
      }),
      AFTER_DUE,
    );
    expect(status).toMatchObject({ status: 'missing', openTask: null });
  });

  it('past the due date and not sent: late, whatever step it is at; the step is kept', () => {
    const status = deriveUnitStatus(
      report,
      facts([task('Task_LapBaoCao', d(1), d(2)), task('Task_TruongDonViDuyet', d(2), null)]),
      AFTER_DUE,
    );
    expect(status).toMatchObject({ status: 'late', stage: 'awaiting-head', late: true });
  });

  it('sent on time and returned after the due date is not late', () => {
    const status = deriveUnitStatus(
      report,
      facts([
        task('Task_LapBaoCao', d(1), d(2)),
        task('Task_TruongDonViDuyet', d(2), d(3)),
        task('Task_BtgXemXet', d(3), d(18)),
        task('Task_LapBaoCao', d(18), null),
      ]),
      AFTER_DUE,
    );
    expect(status).toMatchObject({ status: 'returned', late: false });
  });

  it('sent after the due date: submitted, marked late', () => {
    const status = deriveUnitStatus(
      report,
      facts([
        task('Task_LapBaoCao', d(1), d(17)),
        task('Task_TruongDonViDuyet', d(17), d(18)),
        task('Task_BtgXemXet', d(18), null),
      ]),
      AFTER_DUE,
    );
    expect(status).toMatchObject({ status: 'submitted', late: true });
  });

  it('missing when the collection closed on it (its instance terminated by the deadline)', () => {
    const status = deriveUnitStatus(
      report,
      facts([task('Task_LapBaoCao', d(1), null, { state: 'CANCELED' })], {
        scope: { ...active, state: 'TERMINATED', endDate: d(25) },
      }),
      { ...AFTER_DUE, collectionClosed: true },
    );
    expect(status).toMatchObject({ status: 'missing', openTask: null });
  });

  it('between two steps (the next task not yet in the search), the last completed step and daGui decide', () => {
    const draftDone = facts([task('Task_LapBaoCao', d(1), d(2))]);
    expect(deriveUnitStatus(report, draftDone, BEFORE_DUE).status).toBe('awaiting-head');
    const headApproved = facts(
      [task('Task_LapBaoCao', d(1), d(2)), task('Task_TruongDonViDuyet', d(2), d(3))],
      {
        variables: { daGui: true },
      },
    );
    expect(deriveUnitStatus(report, headApproved, BEFORE_DUE).status).toBe('submitted');
  });
});

describe('deriveUnitStatus — giao-ban-quy (Art. 4.2): a sent brief is final', () => {
  it('submitted once the organisation completed its brief; late past the due date before that', () => {
    expect(
      deriveUnitStatus(briefing, facts([task('Task_LapTinhHinh', d(1), d(2))]), BEFORE_DUE),
    ).toMatchObject({ status: 'submitted', submittedAt: d(2) });
    expect(deriveUnitStatus(briefing, facts([task('Task_LapTinhHinh', d(1), null)]), AFTER_DUE).status).toBe(
      'late',
    );
  });
});
