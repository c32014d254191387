/** A mail to one person, in their language; `link` is the one action it asks for. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** The link in the text (logged by the file mailer so a user on a laptop can follow it). */
  link: string;
}

/** Sends mail: SMTP when configured, else files in DATA_DIR/mail. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

export const MAILER = Symbol('MAILER');
