export function OptOutRegisterPage() {
  return <h1>OptOutRegisterPage</h1>;
}
