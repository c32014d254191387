import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { eventually } from './service-processes.js';

/** The body of a mail as nodemailer writes it (one text part, base64 or quoted-printable). */
function decodedText(raw: string): { headers: string; text: string } {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  const headers = head.replace(/\r?\n[ \t]+/g, ' ');
  const encoding = /^Content-Transfer-Encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'base64') {
    return { headers, text: Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') };
  }
  if (encoding === 'quoted-printable') {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return { headers, text: Buffer.from(bytes, 'latin1').toString('utf8') };
  }
  return { headers, text: body };
}

/**
 * The link of the latest mail to `to` in `folder` (DATA_DIR/mail of a standalone system without
 * SMTP) whose link has `pathPrefix`, once it is there; `after` links already followed.
 */
export async function mailedLink(
  folder: string,
  to: string,
  pathPrefix: string,
  after: readonly string[] = [],
): Promise<string> {
  let found: string | undefined;
  await eventually(async () => {
    found = await latestLink(folder, to, pathPrefix, after);
    return found !== undefined;
  }, 10_000);
  return found!;
}

async function latestLink(
  folder: string,
  to: string,
  pathPrefix: string,
  after: readonly string[],
): Promise<string | undefined> {
  // Newest first: the files are named by the time they were written.
  const names = (await readdir(folder).catch(() => [] as string[])).sort().reverse();
  for (const name of names) {
    const { headers, text } = decodedText(await readFile(path.join(folder, name), 'utf8'));
    const recipient = /^To:\s*(.*)$/im.exec(headers)?.[1] ?? '';
    if (!recipient.includes(to)) continue;
    const link = /https?:\/\/\S+/.exec(text)?.[0];
    if (link && new URL(link).pathname.startsWith(pathPrefix) && !after.includes(link)) {
      return link;
    }
  }
  return undefined;
}
