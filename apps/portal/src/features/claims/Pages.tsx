export function MyClaimsPage() {
  return <h1>MyClaimsPage</h1>;
}

export function NewClaimPage() {
  return <h1>NewClaimPage</h1>;
}
