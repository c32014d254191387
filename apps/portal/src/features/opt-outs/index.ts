export { MyOptOutsPage, NewOptOutPage } from './Pages';
