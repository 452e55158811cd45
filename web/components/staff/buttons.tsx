import type { CSSProperties, ReactNode } from 'react';

// The staff desk's buttons that send a form: a record's one-button actions (publish, cancel,
// delete, complete a follow-up…) and the submit button at the end of a longer form.

/** How a button stands out: plain, quiet (a secondary action) or danger (it deletes or cancels). */
export interface ButtonLook {
  variant?: 'quiet' | 'danger';
  /** A small button, as in a table's row. */
  small?: boolean;
}

/** A staff button's classes for its look. */
export function buttonClass({ variant, small }: ButtonLook): string {
  return ['staff-button', variant && `staff-button--${variant}`, small && 'staff-button--small'].filter(Boolean).join(' ');
}

interface ActionButtonProps extends ButtonLook {
  /** The server action, bound to its record. */
  action: (form: FormData) => void | Promise<void>;
  children: ReactNode;
  /** Names the record too, where the button's text alone would be ambiguous (a row of a table). */
  'aria-label'?: string;
  style?: CSSProperties;
}

/** A form of one button that runs an action on a record. */
export function ActionButton({ action, children, 'aria-label': label, style, ...look }: ActionButtonProps) {
  return (
    <form action={action} style={style}>
      <button type="submit" className={buttonClass(look)} aria-label={label}>
        {children}
      </button>
    </form>
  );
}

/** A form's submit button on its own row (`staff-actions` for a row of buttons). */
export function SubmitRow({ children, row, ...look }: ButtonLook & { children: ReactNode; row?: string }) {
  return (
    <div className={row}>
      <button type="submit" className={buttonClass(look)}>
        {children}
      </button>
    </div>
  );
}
