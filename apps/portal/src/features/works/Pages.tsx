export function MyWorksPage() {
  return <h1>MyWorksPage</h1>;
}

export function RegisterWorkPage() {
  return <h1>RegisterWorkPage</h1>;
}

export function ImportWorksPage() {
  return <h1>ImportWorksPage</h1>;
}

export function ChangeSharesPage() {
  return <h1>ChangeSharesPage</h1>;
}

export function MyDisputesPage() {
  return <h1>MyDisputesPage</h1>;
}
