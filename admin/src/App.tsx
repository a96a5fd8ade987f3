// The console's table of contents: one <Resource> per thing reviewers work with, the ones a
// role may not read left out of its menu (the API refuses them all the same).
import { type ComponentType, Suspense } from 'react';
import { Admin, CustomRoutes, Loading, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import applicant, { RegisterPage } from './applicant/index.ts';
import applications from './applications/index.ts';
import areas from './areas/index.ts';
import audit from './audit/index.ts';
import { authProvider, type Permissions } from './authProvider.ts';
import blacklist from './blacklist/index.ts';
import hosts from './hosts/index.ts';
import { lazyView } from './common/lazyView.ts';
import { dataProvider } from './dataProvider/index.ts';
import { queryClient } from './dataProvider/queryClient.ts';
import { i18nProvider } from './i18n/index.ts';
import { ConsoleLayout } from './layout/ConsoleLayout.tsx';
import { ConsoleRouter } from './layout/ConsoleRouter.tsx';
import { LoginPage } from './layout/LoginPage.tsx';
import orientation from './orientation/index.ts';
import { theme } from './layout/theme.ts';
import placement from './placement/index.ts';
import quotas from './quotas/index.ts';
import rounds from './rounds/index.ts';
import { CertificateVerifyPage } from './training/index.ts';
import units from './units/index.ts';
import users from './users/index.ts';

// Loaded after sign-in, beside its charts: the sign-in page needs none of it.
const Dashboard = lazyView(() => import('./dashboard/Dashboard.tsx'), 'Dashboard');

/** A page outside the layout, so outside its <Suspense> too: loaded when opened. */
const PublicPage = ({ page: Page }: { page: ComponentType }) => (
  <Suspense fallback={<Loading />}>
    <Page />
  </Suspense>
);

const staff = (role?: string) => !!role && role !== 'APPLICANT';
const readsEverything = (role?: string) => role === 'REGIONAL' || role === 'ANALYST';
/** Creating and editing pages only for the regional admin: the analyst reads the same lists. */
const forRole = <Views extends { create?: unknown; edit?: unknown }>(views: Views, role?: string): Views =>
  role === 'REGIONAL' ? views : { ...views, create: undefined, edit: undefined };

export const App = () => (
  <ConsoleRouter>
    <Admin
      title="新疆少数民族科技骨干特殊培养 · 审核管理"
      dataProvider={dataProvider}
      queryClient={queryClient}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      dashboard={Dashboard}
      loginPage={LoginPage}
      layout={ConsoleLayout}
      theme={theme}
      requireAuth
      disableTelemetry
    >
      {/* Public: an applicant registers before having an account; anyone checks a certificate. */}
      <CustomRoutes noLayout>
        <Route path="/register" element={<PublicPage page={RegisterPage} />} />
        <Route path="/verify" element={<PublicPage page={CertificateVerifyPage} />} />
      </CustomRoutes>
      {(permissions?: Permissions) => (
        <>
          {/* An applicant's menu holds only their own applications. */}
          {staff(permissions?.role) ? <Resource name="applications" {...applications} /> : <Resource name="myApplications" {...applicant} />}
          {readsEverything(permissions?.role) ? <Resource name="rounds" {...forRole(rounds, permissions?.role)} /> : null}
          {readsEverything(permissions?.role) ? <Resource name="quotas" {...quotas} /> : null}
          {readsEverything(permissions?.role) ? <Resource name="hostInstitutions" options={{ label: 'tepei.lifecycle.hosts' }} {...hosts} /> : null}
          {readsEverything(permissions?.role) ? <Resource name="placement" options={{ label: 'tepei.lifecycle.placement' }} {...placement} /> : null}
          {/* Recording orientation and the start of training is the regional admin's alone. */}
          {permissions?.role === 'REGIONAL' ? <Resource name="orientation" options={{ label: 'tepei.lifecycle.training.page' }} {...orientation} /> : null}
          {staff(permissions?.role) ? <Resource name="blacklist" {...forRole(blacklist, permissions?.role)} /> : null}
          {staff(permissions?.role) ? <Resource name="units" {...units} /> : null}
          {staff(permissions?.role) ? <Resource name="areas" {...areas} /> : null}
          {readsEverything(permissions?.role) ? <Resource name="users" {...forRole(users, permissions?.role)} /> : null}
          {readsEverything(permissions?.role) ? <Resource name="auditRecords" {...audit} /> : null}
        </>
      )}
    </Admin>
  </ConsoleRouter>
);
