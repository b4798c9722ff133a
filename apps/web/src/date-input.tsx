// Date fields in Danish form whatever the browser's locale (the browser's own date pickers follow
// it): text fields with the form as placeholder and as their description, and an error of their own.
import type { InputHTMLAttributes } from 'react';
import { parseDateField, parseInstantField, parseMonthField } from './format';

export type DateKind = 'date' | 'month' | 'instant';

const FORMS: Record<DateKind, { form: string; example: string; parse: (text: string) => string | null }> = {
  date: { form: 'dd.mm.åååå', example: '30.06.2025', parse: parseDateField },
  month: { form: 'mm.åååå', example: '06.2025', parse: parseMonthField },
  instant: { form: 'dd.mm.åååå tt:mm', example: '30.06.2025 23:59', parse: parseInstantField },
};

/** A field's text read: the api's form (an optional field's empty text: ''), or the error to show. */
export function readDateField(
  kind: DateKind,
  text: string,
  required = false,
): { value: string; error: null } | { value: null; error: string } {
  const refused = { value: null, error: `Skriv som ${FORMS[kind].form}, fx ${FORMS[kind].example}.` };
  if (!text.trim()) return required ? refused : { value: '', error: null };
  const value = FORMS[kind].parse(text);
  return value === null ? refused : { value, error: null };
}

export function DateInput({
  kind,
  id,
  error,
  ...input
}: { kind: DateKind; id: string; error?: string | null } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'id'
>) {
  const described = `${id}-form`;
  return (
    <>
      <input
        {...input}
        id={id}
        type="text"
        placeholder={FORMS[kind].form}
        size={FORMS[kind].form.length + 1}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
      />
      {error ? (
        <span id={described} className="field-error" role="alert">
          {error}
        </span>
      ) : (
        <span id={described} className="visually-hidden">
          {FORMS[kind].form}
        </span>
      )}
    </>
  );
}
