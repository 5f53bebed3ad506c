import { Alert } from '../../ui/alert.js';
import { useStudioTexts } from './studio-texts.js';
import './studio.css';

/** /admin/decisions: an honest placeholder until the decision table editor exists (the engine runs DMN already). */
export function DecisionsPage() {
  const s = useStudioTexts();
  return (
    <section class="panel studio" aria-labelledby="studio-decisions-title">
      <h1 id="studio-decisions-title">{s.decisionsTitle}</h1>
      <Alert kind="info">{s.decisionsUnavailable}</Alert>
    </section>
  );
}
