import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, ok } from '../api/client';
import type { components } from '../api/schema';
import { session } from './session';

export type Me = components['schemas']['CurrentActorResponse'];

interface AuthState {
  token: string | null;
  me: Me | undefined;
  loading: boolean;
  login(username: string, password: string): Promise<void>;
  logout(): void;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState(session.token);
  const queryClient = useQueryClient();
  // without a token the layout sends the user to the login page, which says so when the session expired
  useEffect(
    () =>
      session.subscribe((reason) => {
        setToken(session.token());
        if (reason !== 'login') queryClient.clear();
      }),
    [queryClient],
  );
  const me = useQuery({
    queryKey: ['me', token],
    enabled: !!token,
    staleTime: Infinity,
    queryFn: () => ok(api.GET('/users/me')),
  });
  const state: AuthState = {
    token,
    me: me.data,
    loading: !!token && me.isPending,
    async login(username, password) {
      const body = await ok(api.POST('/auth/login', { body: { username, password } }));
      session.start(body.accessToken);
    },
    logout: () => session.end(),
  };
  return <AuthContext.Provider value={state}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}

/** The signed-in user (inside the layout, which renders only once it is known). */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe before sign-in');
  return me;
}
