export function MyOptOutsPage() {
  return <h1>MyOptOutsPage</h1>;
}

export function NewOptOutPage() {
  return <h1>NewOptOutPage</h1>;
}
