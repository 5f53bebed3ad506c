import { useEffect, useState } from 'preact/hooks';
import type {
  FieldError,
  ProcessSettings,
  ProcessSettingsValues,
  SettingsChoices,
  SettingsHistory,
} from '../../lib/contracts.js';
import { formatDateTime } from '../../lib/dates.js';
import { requestJson } from '../../lib/http.js';
import { ApiProblem } from '../../lib/problem.js';
import { Alert } from '../../ui/alert.js';
import { DAY_PATHS, DeadlineSections, dayKey } from './settings-deadlines.js';
import { setAt, toDayMonth, toMonthDay, valueAt } from './settings-fields.js';
import { StartRuleSections, unitCodesOf } from './settings-start-rules.js';
import { useSettingsTexts } from './settings-texts.js';
import { fill } from './studio-texts.js';
import './studio.css';

const daysOf = (values: ProcessSettingsValues) =>
  Object.fromEntries(DAY_PATHS.map((path) => [dayKey(path), toDayMonth(valueAt(values, path) as string)]));
const unitTextsOf = (values: ProcessSettingsValues) =>
  Object.fromEntries(values.startRules.map((rule) => [rule.processId, rule.units.join(', ')]));

/**
 * /admin/settings: each process's deadlines per period kind, who may start each process, the document symbols; saved
 * as a new, audited version. The server validates; its errors are shown at their fields.
 */
export function SettingsPage() {
  const s = useSettingsTexts();
  const [current, setCurrent] = useState<ProcessSettings | undefined>(undefined);
  const [values, setValues] = useState<ProcessSettingsValues | undefined>(undefined);
  const [choices, setChoices] = useState<SettingsChoices>({ processes: [] });
  const [days, setDays] = useState<Record<string, string>>({});
  const [unitTexts, setUnitTexts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const [history, setHistory] = useState<ProcessSettings[]>([]);
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | undefined>(undefined);

  const load = async () => {
    const [settings, past, offered] = await Promise.all([
      requestJson<ProcessSettings>('/api/admin/settings'),
      requestJson<SettingsHistory>('/api/admin/settings/history'),
      requestJson<SettingsChoices>('/api/admin/settings/choices'),
    ]);
    setCurrent(settings);
    setValues(settings.values);
    setDays(daysOf(settings.values));
    setUnitTexts(unitTextsOf(settings.values));
    setChoices(offered);
    setHistory(past.items);
  };
  useEffect(() => {
    load().catch(() => setMessage({ kind: 'error', text: s.failed }));
  }, []);

  /** The values to send: the typed days and unit codes put back; the days not typed as dd/MM as field errors. */
  const collected = (): { next: ProcessSettingsValues; badDays: FieldError[] } | undefined => {
    if (!values) return undefined;
    let next = values;
    const badDays: FieldError[] = [];
    for (const path of DAY_PATHS) {
      const monthDay = toMonthDay(days[dayKey(path)] ?? '');
      if (monthDay) next = setAt(next, path, monthDay);
      else badDays.push({ field: `/values/${path.join('/')}`, message: s.badDay });
    }
    next = {
      ...next,
      startRules: next.startRules.map((rule) => ({
        ...rule,
        units: unitCodesOf(unitTexts[rule.processId] ?? ''),
      })),
    };
    return { next, badDays };
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const edit = collected();
    if (!current || !edit) return;
    if (edit.badDays.length > 0) {
      setErrors(edit.badDays);
      return setMessage({ kind: 'error', text: s.badDay });
    }
    try {
      const saved = await requestJson<ProcessSettings>('/api/admin/settings', {
        method: 'PUT',
        body: { baseVersion: current.version, values: edit.next, note: note.trim() },
      });
      setNote('');
      setErrors([]);
      await load();
      setMessage({ kind: 'success', text: fill(s.saved, { v: saved.version }) });
    } catch (error) {
      const fieldErrors = error instanceof ApiProblem ? error.errors : [];
      setErrors(fieldErrors);
      const detail = fieldErrors.length > 0 ? s.invalid : error instanceof Error && error.message;
      setMessage({ kind: 'error', text: detail || s.failed });
    }
  };

  return (
    <section class="panel studio" aria-labelledby="settings-title">
      <h1 id="settings-title">{s.title}</h1>
      <p>{s.intro}</p>
      {current && (
        <p>
          {fill(s.version, { v: current.version })}
          {current.version === 0 ? ` (${s.defaults})` : ''}
        </p>
      )}
      {message && <Alert kind={message.kind}>{message.text}</Alert>}
      {values && (
        <form onSubmit={(event) => void save(event)} noValidate>
          <DeadlineSections
            s={s}
            values={values}
            days={days}
            errors={errors}
            onNumber={(path, value) => setValues((old) => old && setAt(old, path, value))}
            onDay={(path, text) => setDays((old) => ({ ...old, [dayKey(path)]: text }))}
          />
          <StartRuleSections
            s={s}
            values={values}
            choices={choices}
            unitTexts={unitTexts}
            errors={errors}
            onRule={(index, rule) =>
              setValues((old) => old && setAt(old, ['startRules', String(index)], rule))
            }
            onUnits={(processId, text) => setUnitTexts((old) => ({ ...old, [processId]: text }))}
            onSymbols={(symbols) => setValues((old) => old && { ...old, documentSymbols: symbols })}
          />
          <label class="field">
            <span>{s.note}</span>
            <input
              name="note"
              required
              maxLength={500}
              value={note}
              onInput={(event) => setNote(event.currentTarget.value)}
            />
          </label>
          <button type="submit" class="button button--primary" disabled={note.trim().length === 0}>
            {s.save}
          </button>
        </form>
      )}
      {history.length > 0 && (
        <>
          <h2>{s.history}</h2>
          <div class="table-scroll">
            <table class="studio-versions">
              <tbody>
                {history.map((entry) => (
                  <tr key={entry.version}>
                    <td>{fill(s.version, { v: entry.version })}</td>
                    <td>{entry.updatedBy}</td>
                    <td>{entry.updatedAt ? formatDateTime(entry.updatedAt) : ''}</td>
                    <td>{entry.note}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
