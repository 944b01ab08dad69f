import { AuditOutlined, BankOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleArea } from '../../routing/registry';

export const area: ConsoleArea = {
  title: 'officer.area',
  order: 20,
  routes: [
    {
      path: 'officer/queue',
      title: 'officer.queue.title',
      roles: ['OFFICER', 'SENIOR_OFFICER'],
      icon: <AuditOutlined />,
      order: 1,
      component: lazy(() => import('./QueuePage')),
    },
    {
      path: 'officer/batches',
      title: 'officer.batch.title',
      roles: ['OFFICER', 'SENIOR_OFFICER'],
      icon: <BankOutlined />,
      order: 2,
      component: lazy(() => import('./BatchesPage')),
    },
  ],
};
