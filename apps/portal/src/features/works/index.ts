export { MyWorksPage } from './MyWorksPage';
export { RegisterWorkPage } from './RegisterWorkPage';
export { ImportWorksPage } from './ImportWorksPage';
export { ChangeSharesPage } from './ChangeSharesPage';
export { MyDisputesPage } from './MyDisputesPage';
