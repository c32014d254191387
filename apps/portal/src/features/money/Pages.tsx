export function MoneyPage() {
  return <h1>MoneyPage</h1>;
}

export function StatementPage() {
  return <h1>StatementPage</h1>;
}
