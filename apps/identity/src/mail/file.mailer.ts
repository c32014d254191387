import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { Mailer, OutgoingMail } from './mail.port.js';

/**
 * Mail without a mail server (standalone on a laptop): each message is written, as a whole
 * RFC 5322 message, to DATA_DIR/mail/<time>-<id>.eml, and its link is logged so the person can
 * follow it. The link is the only part of the mail that is logged.
 */
export class FileMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(
    private readonly folder: string,
    private readonly from: string,
    private readonly logger: Logger,
  ) {
    this.transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = (await this.transport.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
    })) as { message: Buffer };
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    const time = new Date().toISOString().replace(/[:.]/g, '-');
    const file = path.join(this.folder, `${time}-${randomUUID()}.eml`);
    await writeFile(file, info.message, { mode: 0o600, flag: 'wx' });
    this.logger.info(
      { file, link: mail.link },
      'mail written to a file (no SMTP server configured)',
    );
  }
}
