export function MinePage() {
  return <h1>MinePage</h1>;
}

export function BecomeRightHolderPage() {
  return <h1>BecomeRightHolderPage</h1>;
}
