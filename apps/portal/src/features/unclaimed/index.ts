export { UnclaimedPage } from './Pages';
