import { AuditOutlined, ContactsOutlined, FileDoneOutlined, UploadOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { OWNER_AND_STAFF } from '../../auth/roles';
import type { ConsoleArea } from '../../routing/registry';

/**
 * A core enterprise's clerk: rosters, counterparties, eligibility and bulk applications, applications
 * and loans. The bank's staff open the same pages for a core enterprise they choose (api.md: "owner,
 * staff"); uploading a roster is the clerk's (and ADMIN's) only.
 */
export const area: ConsoleArea = {
  title: 'clerk.area',
  order: 10,
  routes: [
    {
      path: 'clerk/rosters',
      title: 'rosters.title',
      roles: ['ENTERPRISE', 'ADMIN'],
      icon: <UploadOutlined />,
      component: lazy(() => import('./RostersPage')),
      order: 1,
    },
    {
      path: 'clerk/counterparties',
      title: 'counterparties.title',
      roles: OWNER_AND_STAFF,
      icon: <ContactsOutlined />,
      component: lazy(() => import('./CounterpartiesPage')),
      order: 2,
    },
    {
      path: 'clerk/counterparties/:id',
      title: 'counterparties.detail',
      roles: OWNER_AND_STAFF,
      component: lazy(() => import('./CounterpartyPage')),
      menu: false,
    },
    {
      path: 'clerk/eligibility',
      title: 'eligibility.title',
      roles: OWNER_AND_STAFF,
      icon: <AuditOutlined />,
      component: lazy(() => import('./EligibilityPage')),
      order: 3,
    },
    {
      path: 'clerk/applications',
      title: 'loans.title',
      roles: OWNER_AND_STAFF,
      icon: <FileDoneOutlined />,
      component: lazy(() => import('./LoansPage')),
      order: 4,
    },
    {
      path: 'clerk/applications/:id',
      title: 'loans.detail',
      roles: OWNER_AND_STAFF,
      component: lazy(() => import('./LoanPage')),
      menu: false,
    },
  ],
};
