import { useI18n } from '../../../i18n/i18n.js';
import { ApiProblem } from '../../../lib/problem.js';
import { Alert } from '../../../ui/alert.js';
import { problemMessage } from '../../auth/problem-message.js';

/** A refused form: the server's message and, below it, what it said of each field. */
export function FormFailure({ error }: { error: unknown }) {
  const { t, locale } = useI18n();
  const fields = error instanceof ApiProblem ? error.errors : [];
  const message = problemMessage(error, t, locale);
  return (
    <Alert kind="error">
      <p>{message}</p>
      {fields.length > 0 && (
        <ul>
          {fields
            .filter((field) => field.message !== message)
            .map((field) => (
              <li key={field.field}>{field.message}</li>
            ))}
        </ul>
      )}
    </Alert>
  );
}
