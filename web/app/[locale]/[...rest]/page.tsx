import { notFound } from 'next/navigation';

// Unknown URLs inside a locale render the translated not-found page within the site layout.
export default function UnknownPage() {
  notFound();
}
