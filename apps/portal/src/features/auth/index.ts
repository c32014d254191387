export { CallbackPage } from './CallbackPage';
export { SignInPage } from './SignInPage';
