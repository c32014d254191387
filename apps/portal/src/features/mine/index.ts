export { MinePage, BecomeRightHolderPage } from './Pages';
