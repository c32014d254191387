import { PageTitle } from '../../components/PageTitle';
import { RightHolderOnly } from '../../components/RightHolderOnly';
import { useMessages } from '../../i18n/i18n';
import { messages } from './messages';

export function MoneyPage() {
  return <RightHolderOnly>{() => <Money />}</RightHolderOnly>;
}

/** The holder's money across batches: totals in words, a picture of them, the statements. */
export function Money() {
  const t = useMessages(messages);
  return (
    <>
      <PageTitle>{t('moneyTitle')}</PageTitle>
      <p>{t('moneyIntro')}</p>
    </>
  );
}
