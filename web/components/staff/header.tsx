import type { ReactNode } from 'react';

/** A staff page's head: the way back up (on a record's page), its title and a line on what it is for. */
export function StaffHeader({
  title,
  intro,
  crumb,
}: {
  title: ReactNode;
  intro?: ReactNode;
  /** The list the page belongs to, linked above the title. */
  crumb?: { href: string; label: string };
}) {
  return (
    <header className="staff-header">
      <div>
        {crumb && (
          <p className="breadcrumb">
            <a href={crumb.href}>{crumb.label}</a>
          </p>
        )}
        <h1>{title}</h1>
        {intro !== undefined && <p>{intro}</p>}
      </div>
    </header>
  );
}
