export { MoneyPage, StatementPage } from './Pages';
