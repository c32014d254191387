export { SearchPage } from './SearchPage';
export { WorkPage } from './WorkPage';
