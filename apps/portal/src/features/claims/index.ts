export { MyClaimsPage } from './MyClaimsPage';
export { NewClaimPage } from './NewClaimPage';
