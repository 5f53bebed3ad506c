import { useI18n } from '../../i18n/i18n.js';
import type { InvalidField } from './invalid-fields.js';

/**
 * Beside the form's buttons: how many fields need fixing and which, each a link to its field. Announced at once
 * (role=alert); the page moves the focus to the first of them.
 */
export function ErrorSummary({ fields, extra = [] }: { fields: InvalidField[]; extra?: string[] }) {
  const { t } = useI18n();
  if (fields.length === 0 && extra.length === 0) return null;
  return (
    <div class="error-summary" role="alert">
      <p class="error-summary__title">{t.errorSummary(fields.length + extra.length)}</p>
      <ul>
        {fields.map((field, index) => (
          <li key={index}>
            <a
              href="#"
              onClick={(event) => {
                event.preventDefault();
                field.focus();
              }}
            >
              {field.label ? `${field.label}: ${field.message}` : field.message}
            </a>
          </li>
        ))}
        {extra.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </div>
  );
}
