import './staff.css';

// Every staff page is per person and per request.
export const dynamic = 'force-dynamic';

export default function StaffLayout({ children }: LayoutProps<'/[locale]/staff'>) {
  return <div className="container staff-root">{children}</div>;
}
