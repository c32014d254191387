import { ApiError, type ApiErrorCode } from '../lib/api';
import { common } from '../i18n/common';
import { useMessages, type Translate } from '../i18n/i18n';

type CommonKey = Parameters<Translate<keyof typeof common.en>>[0];

const SENTENCES: Record<ApiErrorCode, CommonKey> = {
  BAD_USER_INPUT: 'errorBadInput',
  UNAUTHENTICATED: 'errorUnauthenticated',
  FORBIDDEN: 'errorForbidden',
  NOT_FOUND: 'errorNotFound',
  CONFLICT: 'errorConflict',
  SERVICE_UNAVAILABLE: 'errorUnavailable',
  TOO_MANY_REQUESTS: 'errorTooMany',
  NETWORK: 'errorNetwork',
  UNKNOWN: 'errorUnknown',
};

/** The sentence for an error in the visitor's language (never a code or a stack). */
export function useErrorSentence(): (error: unknown) => { sentence: string; detail?: string } {
  const t = useMessages(common);
  return (error: unknown) => {
    const code: ApiErrorCode = error instanceof ApiError ? error.code : 'UNKNOWN';
    const detail =
      error instanceof ApiError && (code === 'BAD_USER_INPUT' || code === 'CONFLICT')
        ? error.detail
        : undefined;
    return { sentence: t(SENTENCES[code]), detail };
  };
}

/**
 * An error from the API as a sentence in the visitor's language, announced to screen readers.
 * For rejected input and conflicts the service's own explanation (English) follows as a detail.
 */
export function ErrorMessage({ error }: { error: unknown }) {
  const t = useMessages(common);
  const describe = useErrorSentence();
  const { sentence, detail } = describe(error);
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{t('errorTitle')}</p>
      <p>{sentence}</p>
      {detail ? (
        <p className="notice-detail">
          <span>{t('errorDetail')}: </span>
          <span lang="en">{detail}</span>
        </p>
      ) : null}
    </div>
  );
}
