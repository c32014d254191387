export { MyClaimsPage, NewClaimPage } from './Pages';
