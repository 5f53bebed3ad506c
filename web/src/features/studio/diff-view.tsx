import type { ElementChange } from './diagram-diff.js';
import { fill, useStudioTexts } from './studio-texts.js';

/** The list of changed elements and, for each changed one, its properties before and after. */
export function DiffView({ changes, version }: { changes: ElementChange[]; version: number }) {
  const s = useStudioTexts();
  const label = { added: s.diffAdded, removed: s.diffRemoved, changed: s.diffChanged };
  return (
    <section class="diff-view" aria-labelledby="diff-title">
      <h2 id="diff-title">{fill(s.diffTitle, { v: version })}</h2>
      {changes.length === 0 && <p>{s.diffNone}</p>}
      <ul class="diff-view__list">
        {changes.map((change) => (
          <li key={change.id} class={`diff diff--${change.kind}`} data-element={change.id}>
            <strong>{label[change.kind]}</strong> {change.name || change.id} <code>{change.id}</code>
            {change.properties.length > 0 && (
              <div class="table-scroll">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{s.diffProperty}</th>
                      <th scope="col">{s.diffBefore}</th>
                      <th scope="col">{s.diffAfter}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {change.properties.map((row) => (
                      <tr key={row.property}>
                        <td>
                          <code>{row.property}</code>
                        </td>
                        <td>{row.before}</td>
                        <td>{row.after}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
