/** A public list page's heading and its introduction. */
export function PageHeader({ title, intro }: { title: string; intro: string }) {
  return (
    <header className="page__header">
      <h1>{title}</h1>
      <p className="page__intro">{intro}</p>
    </header>
  );
}
