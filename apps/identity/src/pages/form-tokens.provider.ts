/** Injection token of the FormTokens the pages sign their forms with. */
export const FORM_TOKENS = Symbol('FORM_TOKENS');
