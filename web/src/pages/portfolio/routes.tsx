import { PieChartOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { OWNER_AND_STAFF } from '../../auth/roles';
import type { ConsoleArea } from '../../routing/registry';

/** The portfolio dashboard (api.md: GET /programmes/:id/portfolio is for staff and the owner). Its charts load with it only. */
export const area: ConsoleArea = {
  title: 'portfolio.area',
  order: 50,
  routes: [
    {
      path: 'portfolio',
      title: 'portfolio.title',
      roles: OWNER_AND_STAFF,
      icon: <PieChartOutlined />,
      component: lazy(() => import('./PortfolioPage')),
    },
  ],
};
