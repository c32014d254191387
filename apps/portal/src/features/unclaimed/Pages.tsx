export function UnclaimedPage() {
  return <h1>UnclaimedPage</h1>;
}
