import { Center, Loader } from '@mantine/core';
import { Navigate, Route, Routes } from 'react-router';
import { Layout } from './Layout.tsx';
import { sections, firstAllowedPath } from './sections.tsx';
import { LoginPage } from './features/auth/LoginPage.tsx';
import { NotFoundPage } from './features/auth/NotFoundPage.tsx';
import { useMe } from './session.tsx';

export function App() {
  const { data: me, isPending } = useMe();
  if (isPending) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (!me) {
    return (
      <Routes>
        <Route path="*" element={<LoginPage />} />
      </Routes>
    );
  }
  const home = firstAllowedPath(me);
  return (
    <Routes>
      <Route path="/login" element={<Navigate to={home} replace />} />
      <Route element={<Layout />}>
        {sections.flatMap((section) =>
          section.routes.map(({ path, element }) => (
            <Route key={path} path={path} element={section.allowed(me) ? element : <Forbidden path={path} home={home} />} />
          )),
        )}
        <Route path="*" element={<NotFoundPage home={home} reason="missing" />} />
      </Route>
    </Routes>
  );
}

/** The start page redirects to the person's first page (a super admin has no dashboard); others explain. */
function Forbidden({ path, home }: { path: string; home: string }) {
  return path === '/' && home !== '/' ? <Navigate to={home} replace /> : <NotFoundPage home={home} reason="forbidden" />;
}
