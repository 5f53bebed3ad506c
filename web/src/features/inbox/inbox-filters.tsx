import { useId } from 'preact/hooks';
import { useI18n } from '../../i18n/i18n.js';
import type { TextKey } from '../../i18n/messages.types.js';
import type { InboxPage, InboxQuery, InboxScope } from '../../lib/contracts.js';
import { formatCount } from '../../lib/counts.js';

interface Props {
  query: InboxQuery;
  page: InboxPage | undefined;
  onChange(next: Partial<InboxQuery>): void;
}

const scopes: { value: InboxScope; key: TextKey }[] = [
  // The default first: everything the user may see, then the narrower views.
  { value: 'all', key: 'scopeAll' },
  { value: 'unclaimed', key: 'scopeUnclaimed' },
  { value: 'mine', key: 'scopeMine' },
];

function Select(props: {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange(value: string): void;
}) {
  const id = useId();
  return (
    <div class="field field--inline">
      <label for={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(event) => props.onChange(event.currentTarget.value)}>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Scope tabs with their counts, then the filters and the sort; every change goes back to page 1. */
export function InboxFilters({ query, page, onChange }: Props) {
  const { t } = useI18n();
  return (
    <div class="inbox-filters">
      <div class="scope-tabs" role="group" aria-label={t.filterScope}>
        {scopes.map((scope) => (
          <button
            key={scope.value}
            type="button"
            class="scope-tabs__tab"
            aria-pressed={query.scope === scope.value}
            onClick={() => onChange({ scope: scope.value, page: 1 })}
          >
            {t[scope.key]}
            {page && (
              <span class="badge">
                {formatCount(page.counts[scope.value], page.countIsLowerBound[scope.value])}
              </span>
            )}
          </button>
        ))}
      </div>
      <div class="inbox-filters__row">
        <Select
          label={t.filterProcess}
          value={query.processId}
          options={[
            { value: '', label: t.allProcesses },
            ...(page?.processes ?? []).map((process) => ({ value: process.id, label: process.name })),
          ]}
          onChange={(processId) => onChange({ processId, page: 1 })}
        />
        <Select
          label={t.filterDue}
          value={query.due}
          options={[
            { value: 'any', label: t.dueAny },
            { value: 'soon', label: t.dueSoon },
            { value: 'overdue', label: t.dueOverdue },
          ]}
          onChange={(due) => onChange({ due: due as InboxQuery['due'], page: 1 })}
        />
        <Select
          label={t.filterPriority}
          value={query.priority}
          options={[
            { value: 'any', label: t.priorityAny },
            { value: 'high', label: t.priorityHigh },
            { value: 'medium', label: t.priorityMedium },
            { value: 'low', label: t.priorityLow },
          ]}
          onChange={(priority) => onChange({ priority: priority as InboxQuery['priority'], page: 1 })}
        />
        <Select
          label={t.sortBy}
          value={query.sort}
          options={[
            { value: 'due', label: t.sortDue },
            { value: 'created', label: t.sortCreated },
            { value: 'priority', label: t.sortPriority },
          ]}
          onChange={(sort) => onChange({ sort: sort as InboxQuery['sort'], page: 1 })}
        />
      </div>
    </div>
  );
}
