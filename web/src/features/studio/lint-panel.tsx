import type { LintReport } from '../../lib/contracts.js';
import { useStudioTexts } from './studio-texts.js';

/** The problems of the diagram or form, errors first; choosing one selects its element. */
export function LintPanel({
  report,
  checking,
  onSelect,
}: {
  report: LintReport | undefined;
  checking: boolean;
  onSelect?: (elementId: string) => void;
}) {
  const s = useStudioTexts();
  const problems = [...(report?.problems ?? [])].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  return (
    <section class="lint-panel" aria-labelledby="lint-title" aria-busy={checking}>
      <h2 id="lint-title">
        {s.lintTitle} {checking && <small>{s.lintChecking}</small>}
      </h2>
      {report && problems.length === 0 && <p class="lint-panel__clean">{s.lintClean}</p>}
      {problems.length > 0 && (
        <ul class="lint-panel__list">
          {problems.map((problem, index) => (
            <li
              key={`${problem.elementId}-${problem.rule}-${index}`}
              class={`lint lint--${problem.severity}`}
              data-rule={problem.rule}
            >
              <span class="lint__severity">{problem.severity === 'error' ? s.lintError : s.lintWarning}</span>{' '}
              {problem.elementId && onSelect ? (
                <button type="button" class="link-button" onClick={() => onSelect(problem.elementId)}>
                  {problem.elementId}
                </button>
              ) : (
                problem.elementId
              )}
              : {problem.message}
            </li>
          ))}
        </ul>
      )}
      {report && !report.deployable && <p class="lint-panel__blocks">{s.lintBlocks}</p>}
    </section>
  );
}
