import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { RightHolderOnly } from '../../components/RightHolderOnly';
import { useMessages } from '../../i18n/i18n';
import { messages } from './messages';

export function MyClaimsPage() {
  return <RightHolderOnly>{() => <MyClaims />}</RightHolderOnly>;
}

/** The holder's claims on held money, newest first, each with where it stands. */
export function MyClaims() {
  const t = useMessages(messages);
  return (
    <>
      <PageTitle>{t('listTitle')}</PageTitle>
      <p>{t('listIntro')}</p>
      <p>
        <Link to="/unclaimed">{t('findMoney')}</Link>
      </p>
    </>
  );
}
