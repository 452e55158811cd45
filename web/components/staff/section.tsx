import type { ReactNode } from 'react';

/** A panel of a staff page under its own heading: a region named by that heading. */
export function StaffSection({
  id,
  headingId,
  title,
  data,
  children,
}: {
  /** The panel's own id, for links to it (e.g. `#history`). */
  id?: string;
  headingId: string;
  title: ReactNode;
  /** A `data-` attribute naming the panel for tests and scripts. */
  data?: string;
  children: ReactNode;
}) {
  return (
    <section className="staff-panel" id={id} aria-labelledby={headingId} {...(data ? { [`data-${data}`]: true } : {})}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}
