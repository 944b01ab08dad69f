import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { Role } from '../auth/roles';

/** One page of the console: its path under /console, who may open it, and its menu entry. */
export interface ConsoleRoute {
  path: string;
  /** Message key of its title (menu and page header). */
  title: string;
  roles: readonly Role[];
  component: LazyExoticComponent<ComponentType>;
  icon?: ReactNode;
  /** Detail pages (with :params) stay out of the menu. */
  menu?: boolean;
  /** Menu order across areas (smaller first). */
  order?: number;
}

export interface ConsoleArea {
  /** Message key of the area's menu group. */
  title: string;
  order: number;
  routes: ConsoleRoute[];
}

// Every area's routes.tsx, found at build time: an area (web/src/pages/<area>/) adds pages without touching this file.
const modules = import.meta.glob<{ area: ConsoleArea }>('../pages/*/routes.tsx', { eager: true });

export const areas: ConsoleArea[] = Object.values(modules)
  .map((m) => m.area)
  .sort((a, b) => a.order - b.order);

export const allRoutes: ConsoleRoute[] = areas.flatMap((a) => a.routes);

export const canOpen = (route: ConsoleRoute, role: Role) => route.roles.includes(role);
