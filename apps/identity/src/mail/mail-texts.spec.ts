import { describe, expect, it } from '@jest/globals';
import { MailKind, mailText } from './mail-texts.js';

const LINK = 'http://127.0.0.1:4005/account/verify?token=abc&lang=ja';

describe(mailText.name, () => {
  it.each(Object.values(MailKind))(
    'should write %s in Japanese and in English, with the link',
    (kind) => {
      const ja = mailText(kind, 'ja', LINK);
      const en = mailText(kind, 'en', LINK);
      expect(ja.text).toContain(LINK);
      expect(en.text).toContain(LINK);
      expect(ja.subject).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(en.subject).toMatch(/^[\x20-\x7e]+$/);
      expect(ja.text).toContain('クリアリングハウス');
    },
  );
});
