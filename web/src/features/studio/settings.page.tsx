import { useEffect, useState } from 'preact/hooks';
import type {
  ProcessSettings,
  ProcessSettingsValues,
  ReportDeadlineSettings,
  SettingsHistory,
} from '../../lib/contracts.js';
import { formatDateTime } from '../../lib/dates.js';
import { requestJson } from '../../lib/http.js';
import { Alert } from '../../ui/alert.js';
import { useSettingsTexts } from './settings-texts.js';
import { fill } from './studio-texts.js';
import './studio.css';

type Kind = keyof ProcessSettingsValues['baoCaoDanVan'];
const NUMBER_FIELDS = ['reminderDaysBefore', 'collectionGraceDays', 'synthesisDays', 'approvalDays'] as const;

/** "05-20" ↔ "20/05": the store keeps MM-DD, people write dd/MM. */
const toDayMonth = (monthDay: string) => `${monthDay.slice(3, 5)}/${monthDay.slice(0, 2)}`;
function toMonthDay(dayMonth: string): string | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})$/.exec(dayMonth.trim());
  return match ? `${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}` : undefined;
}

/** /admin/settings: the deadlines of bao-cao-dan-van per period kind, saved as a new, audited version. */
export function SettingsPage() {
  const s = useSettingsTexts();
  const [current, setCurrent] = useState<ProcessSettings | undefined>(undefined);
  const [values, setValues] = useState<ProcessSettingsValues | undefined>(undefined);
  const [days, setDays] = useState<Record<Kind, string>>({ '6-thang': '', nam: '' });
  const [history, setHistory] = useState<ProcessSettings[]>([]);
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | undefined>(undefined);

  const load = async () => {
    const [settings, past] = await Promise.all([
      requestJson<ProcessSettings>('/api/admin/settings'),
      requestJson<SettingsHistory>('/api/admin/settings/history'),
    ]);
    setCurrent(settings);
    setValues(settings.values);
    setDays({
      '6-thang': toDayMonth(settings.values.baoCaoDanVan['6-thang'].reportDue),
      nam: toDayMonth(settings.values.baoCaoDanVan.nam.reportDue),
    });
    setHistory(past.items);
  };
  useEffect(() => {
    load().catch(() => setMessage({ kind: 'error', text: s.failed }));
  }, []);

  const setRule = (kind: Kind, change: Partial<ReportDeadlineSettings>) =>
    setValues(
      (old) =>
        old && { baoCaoDanVan: { ...old.baoCaoDanVan, [kind]: { ...old.baoCaoDanVan[kind], ...change } } },
    );

  const save = async (event: Event) => {
    event.preventDefault();
    if (!current || !values) return;
    const half = toMonthDay(days['6-thang']);
    const year = toMonthDay(days.nam);
    if (!half || !year) return setMessage({ kind: 'error', text: s.badDay });
    const next: ProcessSettingsValues = {
      baoCaoDanVan: {
        '6-thang': { ...values.baoCaoDanVan['6-thang'], reportDue: half },
        nam: { ...values.baoCaoDanVan.nam, reportDue: year },
      },
    };
    try {
      const saved = await requestJson<ProcessSettings>('/api/admin/settings', {
        method: 'PUT',
        body: { baseVersion: current.version, values: next, note: note.trim() },
      });
      setNote('');
      await load();
      setMessage({ kind: 'success', text: fill(s.saved, { v: saved.version }) });
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error && error.message ? error.message : s.failed });
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
        <form onSubmit={(event) => void save(event)}>
          <h2>{s.process}</h2>
          {(['6-thang', 'nam'] as const).map((kind) => (
            <fieldset key={kind} class="settings-kind" data-kind={kind}>
              <legend>{kind === '6-thang' ? s.half : s.year}</legend>
              <label class="field">
                <span>{s.reportDue}</span>
                <input
                  name={`${kind}-reportDue`}
                  value={days[kind]}
                  placeholder="dd/MM"
                  onInput={(event) => setDays({ ...days, [kind]: event.currentTarget.value })}
                />
              </label>
              {NUMBER_FIELDS.map((field) => (
                <label class="field" key={field}>
                  <span>{s[field]}</span>
                  <input
                    type="number"
                    min={0}
                    max={90}
                    name={`${kind}-${field}`}
                    value={values.baoCaoDanVan[kind][field]}
                    onInput={(event) => setRule(kind, { [field]: Number(event.currentTarget.value) })}
                  />
                </label>
              ))}
            </fieldset>
          ))}
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
      <p class="studio-note">{s.notYet}</p>
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
