import type { ReactElement, ReactNode } from 'react';
import { cloneElement } from 'react';

/**
 * A labelled form field: its hint and error are tied to the control (aria-describedby), and an
 * error marks it invalid. The control is the child; it gets the id, so the label points at it.
 */
export function Field({
  id,
  label,
  hint,
  error,
  required,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  children: ReactElement<Record<string, unknown>>;
}) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={error ? 'field field-error' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-message" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {cloneElement(children, {
        id,
        name: (children.props.name as string | undefined) ?? id,
        'aria-describedby': described || undefined,
        'aria-invalid': error ? true : undefined,
        required: required || undefined,
      })}
    </div>
  );
}
