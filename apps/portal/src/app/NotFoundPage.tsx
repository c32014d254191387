import { Link } from 'react-router';
import { common } from '../i18n/common';
import { useMessages } from '../i18n/i18n';
import { PageTitle } from '../components/PageTitle';

export function NotFoundPage() {
  const t = useMessages(common);
  return (
    <>
      <PageTitle>{t('notFoundTitle')}</PageTitle>
      <p>{t('notFoundBody')}</p>
      <p>
        <Link to="/">{t('home')}</Link>
      </p>
    </>
  );
}
