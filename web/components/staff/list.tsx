import { Children, cloneElement, Fragment, isValidElement, type ReactElement, type ReactNode } from 'react';

// The staff lists' pieces: a table that scrolls sideways on its own on a phone (and can be reached
// by keyboard to do so), and the "next page" link that keeps the list's filters. Every list (media,
// goals, events, polls, the audit log, insights' tables) composes these instead of repeating them.

/**
 * A column head: its text, or its text and whether the column holds numbers (aligned to the end) or
 * a row's buttons (`actions`: its cells need no label on a phone, their buttons name themselves).
 */
export type Column = string | { label: ReactNode; numeric?: boolean; actions?: boolean };

interface StaffTableProps {
  /** The column heads, in order. */
  columns: Column[];
  children: ReactNode;
  /** The table's class; a list by default. */
  className?: string;
  caption?: ReactNode;
  /** A label for the scrolling region when the table has no caption. */
  label?: string;
  /** A `data-` attribute naming the table for tests and scripts, e.g. `audit-log`. */
  data?: string;
  /** The id of the heading that names the table: the scrolling region is then a named landmark. */
  labelledBy?: string;
}

export function StaffTable({
  columns,
  children,
  className = 'staff-table staff-table--list',
  caption,
  label,
  data,
  labelledBy,
}: StaffTableProps) {
  const region = labelledBy ? { role: 'region', 'aria-labelledby': labelledBy } : {};
  return (
    <div className="staff-table-wrap" tabIndex={0} aria-label={label} {...region}>
      <table className={className} {...(data ? { [`data-${data}`]: true } : {})}>
        {caption && <caption>{caption}</caption>}
        <TableHead columns={columns} />
        <tbody>{labelCells(children, columns)}</tbody>
      </table>
    </div>
  );
}

type CellProps = { children?: ReactNode; colSpan?: number; 'data-label'?: string };

/**
 * A list's rows with each data cell labelled by its column's head (`data-label`): on a phone a list
 * is a card a row, its head row hidden, and staff.css writes the label before the cell's value, so
 * "60" reads "Requests a minute: 60". A row's own head (`<th scope="row">`), a cell that sets its own
 * label, a head that is not plain text and an actions column are left as they are. Rows in a
 * fragment are labelled too; a row made by another component is not (it labels its own cells).
 */
function labelCells(rows: ReactNode, columns: Column[]): ReactNode {
  return Children.map(rows, (row) => {
    if (!isValidElement<{ children?: ReactNode }>(row)) return row;
    if (row.type === Fragment) return cloneElement(row, {}, labelCells(row.props.children, columns));
    if (row.type !== 'tr') return row;
    let index = 0;
    const cells = Children.map(row.props.children, (cell) => {
      if (!isValidElement<CellProps>(cell) || (cell.type !== 'td' && cell.type !== 'th')) return cell;
      const column = columns[index];
      index += cell.props.colSpan ?? 1;
      if (cell.type !== 'td' || 'data-label' in cell.props || column === undefined) return cell;
      const label = typeof column === 'string' ? column : !column.actions && typeof column.label === 'string' ? column.label : null;
      return label ? cloneElement(cell as ReactElement<CellProps>, { 'data-label': label }) : cell;
    });
    return cloneElement(row, {}, cells);
  });
}

/** A table's head row: one column head a column, numbers' heads aligned like their figures. */
export function TableHead({ columns }: { columns: Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column, i) =>
          typeof column === 'string' ? (
            <th scope="col" key={i}>
              {column}
            </th>
          ) : (
            <th scope="col" key={i} className={column.numeric ? 'staff-num' : undefined}>
              {column.label}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}

interface NextPageProps {
  /** The list's page. */
  base: string;
  /** The filters the next page keeps; empty ones are left out. */
  filters?: Record<string, string | null | undefined>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  label: string;
  /** A part of the page to land on, e.g. `#history`. */
  hash?: string;
}

/** The link to a list's next page, when there is one. */
export function NextPage({ base, filters = {}, pageInfo, label, hash = '' }: NextPageProps) {
  if (!pageInfo.hasNextPage || !pageInfo.endCursor) return null;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  params.set('after', pageInfo.endCursor);
  return (
    <div className="staff-pager">
      <a className="staff-button staff-button--quiet staff-button--small" href={`${base}?${params.toString()}${hash}`}>
        {label}
      </a>
    </div>
  );
}
