import type { TablePaginationConfig } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n/locale';

/** A list's page in the API's terms (`{page, pageSize}`), and the table pagination that moves it. */
export function usePaging(pageSize = 20) {
  const t = useT();
  const [page, setPage] = useState({ page: 1, pageSize });
  const pagination = (total: number | undefined, options: TablePaginationConfig = {}): TablePaginationConfig => ({
    current: page.page,
    pageSize: page.pageSize,
    total,
    showTotal: (n) => t('common.total', { total: n }),
    onChange: (p, size) => setPage({ page: p, pageSize: size }),
    ...options,
  });
  return { page, setPage, pagination };
}
