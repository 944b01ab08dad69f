import { ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { common, type Locale, type Messages } from './messages';

const STORAGE_KEY = 'chainlend.locale';

// Every area's messages.ts, found at build time: an area adds words without touching this file.
const areaMessages = Object.values(import.meta.glob<{ messages: Messages }>('../pages/*/messages.ts', { eager: true })).map(
  (m) => m.messages,
);
const dictionaries: Record<Locale, Record<string, string>> = {
  'zh-CN': Object.assign({}, common['zh-CN'], ...areaMessages.map((m) => m['zh-CN'])),
  'en-US': Object.assign({}, common['en-US'], ...areaMessages.map((m) => m['en-US'])),
};

/**
 * Ant Design's default blue, green, red and orange text and its grey secondary text fall short of WCAG AA contrast (4.5:1) on
 * white; these are the nearest shades that meet it (the browser tests run axe-core on every page).
 */
const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    // the derived hover shade (#2e7ae6) falls to 4.16:1 under white text: a hovered primary button must still read
    colorPrimaryHover: '#1f6fe0',
    colorLinkHover: '#1f6fe0',
    colorInfo: '#0958d9',
    colorLink: '#0958d9',
    colorSuccess: '#237804',
    colorError: '#c41d1d',
    colorWarning: '#ad4e00',
    // the darker seeds would otherwise derive greyish backgrounds: keep Ant Design's light ones
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorErrorBg: '#fff2f0',
    colorErrorBorder: '#ffccc7',
    colorWarningBg: '#fffbe6',
    colorWarningBorder: '#ffe58f',
    colorInfoBg: '#e6f4ff',
    colorInfoBorder: '#91caff',
    colorPrimaryBg: '#e6f4ff',
    colorPrimaryBgHover: '#d6ebff',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
  },
};

export type Translate = (key: string, values?: Record<string, string | number>) => string;

interface LocaleState {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: Translate;
  /** Whether the chosen language has words for `key` (else show the service's own text). */
  has(key: string): boolean;
}

const LocaleContext = createContext<LocaleState | null>(null);

function initialLocale(): Locale {
  return localStorage.getItem(STORAGE_KEY) === 'en-US' ? 'en-US' : 'zh-CN';
}

/** zh-CN unless the user chose English on this browser (remembered in localStorage). */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLocaleState(next);
  }, []);
  const t = useCallback<Translate>(
    (key, values) => {
      const text = dictionaries[locale][key] ?? dictionaries['zh-CN'][key] ?? key;
      return values ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`)) : text;
    },
    [locale],
  );
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  // before the children render, so that their dates speak the chosen language
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  const state = useMemo(() => ({ locale, setLocale, t, has: (key: string) => key in dictionaries[locale] }), [locale, setLocale, t]);
  return (
    <LocaleContext.Provider value={state}>
      <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={theme}>
        {children}
      </ConfigProvider>
    </LocaleContext.Provider>
  );
}

export function useLocale(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error('useLocale outside LocaleProvider');
  return state;
}

export const useT = (): Translate => useLocale().t;
