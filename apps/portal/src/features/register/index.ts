export { OptOutRegisterPage } from './Pages';
