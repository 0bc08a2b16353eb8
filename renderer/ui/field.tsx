import { useId, type ReactNode } from 'react';

interface Props {
  label: string;
  hint?: string;
  errors?: string[];
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode;
}

/** A labelled input with its hint and its validation errors wired up for screen readers. */
export function Field({ label, hint, errors, children }: Props) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${errors?.length ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-describedby': described || undefined, 'aria-invalid': errors?.length ? true : undefined })}
      {hint ? (
        <p id={`${id}-hint`} className="hint muted">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="field-error">
          {errors.join('; ')}
        </p>
      ) : null}
    </div>
  );
}

interface NumberFieldProps {
  label: string;
  hint?: string;
  errors?: string[];
  min?: number;
  max?: number;
  /** As typed: the core judges blanks and junk, so the form keeps the text. */
  value: string;
  onChange: (text: string) => void;
}

/** A short number input in a Field. */
export function NumberField({ label, hint, errors, min, max, value, onChange }: NumberFieldProps) {
  return (
    <Field label={label} hint={hint} errors={errors}>
      {(props) => (
        <input {...props} className="input input-short" type="number" min={min} max={max} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}
