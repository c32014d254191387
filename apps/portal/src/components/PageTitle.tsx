import { useEffect, useRef } from 'react';
import { common } from '../i18n/common';
import { useMessages } from '../i18n/i18n';

let firstHeading = true;

/**
 * The page's heading and the browser tab's title. After a navigation the heading takes focus,
 * so a screen reader announces the new page (single-page apps do not reload).
 */
export function PageTitle({ children }: { children: string }) {
  const t = useMessages(common);
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} | ${t('siteName')}`;
  }, [children, t]);
  useEffect(() => {
    // The first page of a visit starts at the top as any page does; later ones move focus here.
    if (firstHeading) firstHeading = false;
    else ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
