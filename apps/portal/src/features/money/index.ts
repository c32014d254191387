export { MoneyPage } from './MoneyPage';
export { StatementPage } from './StatementPage';
