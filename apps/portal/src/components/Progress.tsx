/** Progress of long work (an import): a bar with its value, and the same as text for everyone. */
export function Progress({ label, value, max }: { label: string; value: number; max: number }) {
  const percent = max > 0 ? Math.round((value / max) * 100) : 0;
  return (
    <div className="progress">
      <progress aria-label={label} value={value} max={max || 1}>
        {percent}%
      </progress>
      <p aria-live="polite">
        {label}: {percent}%
      </p>
    </div>
  );
}
