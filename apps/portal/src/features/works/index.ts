export {
  MyWorksPage,
  RegisterWorkPage,
  ImportWorksPage,
  ChangeSharesPage,
  MyDisputesPage,
} from './Pages';
