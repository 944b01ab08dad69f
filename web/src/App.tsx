import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ApiError } from './api/client';
import { AuthProvider, useMe } from './auth/auth';
import { LocaleProvider } from './i18n/locale';
import { AppLayout, Forbidden, NotFound, PageSpinner } from './layout/AppLayout';
import { allRoutes, canOpen, type ConsoleRoute } from './routing/registry';

const LoginPage = lazy(() => import('./pages/auth/LoginPage'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // a 4xx will not change by asking again
      retry: (count, error) => !(error instanceof ApiError && error.problem.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

function Guarded({ route }: { route: ConsoleRoute }) {
  const me = useMe();
  if (!canOpen(route, me.role)) return <Forbidden />;
  const Page = route.component;
  return <Page />;
}

/** The first page the user's role may open. */
function Home() {
  const me = useMe();
  const first = allRoutes.find((r) => r.menu !== false && canOpen(r, me.role));
  return first ? <Navigate to={`/${first.path}`} replace /> : <NotFound />;
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <AntApp>
          <BrowserRouter basename="/console">
            <AuthProvider>
              <Suspense fallback={<PageSpinner />}>
                <Routes>
                  <Route path="/login" element={<LoginPage />} />
                  <Route element={<AppLayout />}>
                    <Route index element={<Home />} />
                    {allRoutes.map((r) => (
                      <Route key={r.path} path={`/${r.path}`} element={<Guarded route={r} />} />
                    ))}
                    <Route path="*" element={<NotFound />} />
                  </Route>
                </Routes>
              </Suspense>
            </AuthProvider>
          </BrowserRouter>
        </AntApp>
      </LocaleProvider>
    </QueryClientProvider>
  );
}
