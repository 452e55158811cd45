/** Recovery codes as a person copies them: one a line, left to right, in a monospace font. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <ol className="staff-recovery-codes" dir="ltr" data-recovery-codes>
      {codes.map((code) => (
        <li key={code}>
          <code>{code}</code>
        </li>
      ))}
    </ol>
  );
}
