import { useEffect, useRef } from 'react';
import { common } from '../i18n/common';
import { useMessages } from '../i18n/i18n';

export interface FieldError {
  /** The id of the field the message is about (the link moves focus there). */
  field: string;
  message: string;
}

/**
 * The errors of a form at its top, each linking to its field (GOV.UK pattern). It takes focus
 * when it appears so keyboard and screen-reader users hear what to fix.
 */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const t = useMessages(common);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [errors]);
  if (!errors.length) return null;
  return (
    <div
      className="notice notice-error"
      role="alert"
      tabIndex={-1}
      ref={ref}
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title" className="notice-title">
        {t('errorTitle')}
      </h2>
      <ul>
        {errors.map((error) => (
          <li key={`${error.field}:${error.message}`}>
            <a
              href={`#${error.field}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(error.field)?.focus();
              }}
            >
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
