// The public site's search box: a plain GET form (the `q` parameter) that works without JavaScript
// and gives a shareable address.
export function SearchForm({
  id,
  action,
  label,
  submit,
  value,
  maxLength,
  compact,
}: {
  id: string;
  action: string;
  label: string;
  submit: string;
  value: string | undefined;
  maxLength: number;
  /** The narrower form above a list. */
  compact?: boolean;
}) {
  return (
    <form className={compact ? 'goal-search goal-search--compact' : 'goal-search'} role="search" method="get" action={action}>
      <div className="field field--grow">
        <label htmlFor={id}>{label}</label>
        <input id={id} name="q" type="search" defaultValue={value} maxLength={maxLength} autoComplete="off" />
      </div>
      <button className="button" type="submit">
        {submit}
      </button>
    </form>
  );
}
