import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { common } from '../i18n/common';
import { LanguageProvider, type Language, useMessages } from '../i18n/i18n';
import { ApiError } from '../lib/api';
import { markRestored, restoreSession } from '../lib/session';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RequireSignIn } from './RequireSignIn';

// Each feature is its own chunk: the public search page loads no code of the signed-in pages.
const SearchPage = lazy(() =>
  import('../features/search/index').then((m) => ({ default: m.SearchPage })),
);
const WorkPage = lazy(() =>
  import('../features/search/index').then((m) => ({ default: m.WorkPage })),
);
const OptOutRegisterPage = lazy(() =>
  import('../features/register/index').then((m) => ({ default: m.OptOutRegisterPage })),
);
const UnclaimedPage = lazy(() =>
  import('../features/unclaimed/index').then((m) => ({ default: m.UnclaimedPage })),
);
const CallbackPage = lazy(() =>
  import('../features/auth/index').then((m) => ({ default: m.CallbackPage })),
);
const SignInPage = lazy(() =>
  import('../features/auth/index').then((m) => ({ default: m.SignInPage })),
);
const MinePage = lazy(() =>
  import('../features/mine/index').then((m) => ({ default: m.MinePage })),
);
const BecomeRightHolderPage = lazy(() =>
  import('../features/mine/index').then((m) => ({ default: m.BecomeRightHolderPage })),
);
const MyWorksPage = lazy(() =>
  import('../features/works/index').then((m) => ({ default: m.MyWorksPage })),
);
const RegisterWorkPage = lazy(() =>
  import('../features/works/index').then((m) => ({ default: m.RegisterWorkPage })),
);
const ImportWorksPage = lazy(() =>
  import('../features/works/index').then((m) => ({ default: m.ImportWorksPage })),
);
const ChangeSharesPage = lazy(() =>
  import('../features/works/index').then((m) => ({ default: m.ChangeSharesPage })),
);
const MyDisputesPage = lazy(() =>
  import('../features/works/index').then((m) => ({ default: m.MyDisputesPage })),
);
const MyOptOutsPage = lazy(() =>
  import('../features/opt-outs/index').then((m) => ({ default: m.MyOptOutsPage })),
);
const NewOptOutPage = lazy(() =>
  import('../features/opt-outs/index').then((m) => ({ default: m.NewOptOutPage })),
);
const MoneyPage = lazy(() =>
  import('../features/money/index').then((m) => ({ default: m.MoneyPage })),
);
const StatementPage = lazy(() =>
  import('../features/money/index').then((m) => ({ default: m.StatementPage })),
);
const MyClaimsPage = lazy(() =>
  import('../features/claims/index').then((m) => ({ default: m.MyClaimsPage })),
);
const NewClaimPage = lazy(() =>
  import('../features/claims/index').then((m) => ({ default: m.NewClaimPage })),
);

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // What the API refused stays refused; only a lost connection or a busy service is retried.
      retry: (failures, error) =>
        failures < 2 &&
        error instanceof ApiError &&
        (error.code === 'NETWORK' || error.code === 'SERVICE_UNAVAILABLE'),
      refetchOnWindowFocus: false,
      staleTime: 15_000,
    },
  },
});

function Loading() {
  const t = useMessages(common);
  return <p role="status">{t('loading')}</p>;
}

function mine(page: React.ReactNode) {
  return <RequireSignIn>{page}</RequireSignIn>;
}

export function AppRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/" element={<SearchPage />} />
        <Route path="/search" element={<SearchPage />} />
        <Route path="/works/:id" element={<WorkPage />} />
        <Route path="/opt-out-register" element={<OptOutRegisterPage />} />
        <Route path="/unclaimed" element={<UnclaimedPage />} />
        <Route path="/auth/callback" element={<CallbackPage />} />
        <Route path="/auth/sign-in" element={<SignInPage />} />
        <Route path="/me" element={mine(<MinePage />)} />
        <Route path="/me/right-holder" element={mine(<BecomeRightHolderPage />)} />
        <Route path="/me/works" element={mine(<MyWorksPage />)} />
        <Route path="/me/works/new" element={mine(<RegisterWorkPage />)} />
        <Route path="/me/works/import" element={mine(<ImportWorksPage />)} />
        <Route path="/me/works/:id/shares" element={mine(<ChangeSharesPage />)} />
        <Route path="/me/disputes" element={mine(<MyDisputesPage />)} />
        <Route path="/me/opt-outs" element={mine(<MyOptOutsPage />)} />
        <Route path="/me/opt-outs/new" element={mine(<NewOptOutPage />)} />
        <Route path="/me/money" element={mine(<MoneyPage />)} />
        <Route path="/me/money/:batchId" element={mine(<StatementPage />)} />
        <Route path="/me/claims" element={mine(<MyClaimsPage />)} />
        <Route path="/me/claims/new" element={mine(<NewClaimPage />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}

/** Everything a page needs around it; tests render pages inside it with a fixed language. */
export function Providers({
  children,
  language,
  client = queryClient,
}: {
  children: React.ReactNode;
  language?: Language;
  client?: QueryClient;
}) {
  return (
    <LanguageProvider language={language}>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </LanguageProvider>
  );
}

export function App() {
  useEffect(() => {
    void restoreSession().finally(markRestored);
  }, []);
  return (
    <Providers>
      <BrowserRouter>
        <Layout>
          <AppRoutes />
        </Layout>
      </BrowserRouter>
    </Providers>
  );
}
