import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { Mailer, OutgoingMail } from './mail.port.js';

/** Mail through an SMTP server (MAIL_SMTP_URL). Logs that a mail went, never its link. */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(
    url: string,
    private readonly from: string,
    private readonly logger: Logger,
  ) {
    this.transport = nodemailer.createTransport(url);
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.transport.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
    });
    this.logger.info({ messageId: info.messageId }, 'mail sent');
  }

  close(): void {
    this.transport.close();
  }
}
