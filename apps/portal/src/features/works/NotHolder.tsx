import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { useMessages } from '../../i18n/i18n';
import { messages } from './messages';

/** What a signed-in person without the right holder role sees on these pages. */
export function NotHolder({ title }: { title: string }) {
  const t = useMessages(messages);
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <p>{t('notHolder')}</p>
      <p>
        <Link className="button" to="/me/right-holder">
          {t('becomeHolder')}
        </Link>
      </p>
    </>
  );
}
