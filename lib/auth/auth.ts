import "server-only";
import NextAuth, { type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Provider } from "next-auth/providers";
import { appEnv, oidcConfigured } from "@/lib/env";
import { realDatabase } from "@/lib/server/real-database";
import { findDemoUser, findUserForOidc } from "./principal-queries";

declare module "next-auth" {
  interface Session {
    uid?: string;
  }
}

function providers(): Provider[] {
  const env = appEnv();
  const list: Provider[] = [];
  if (oidcConfigured(env)) {
    list.push({
      id: "oidc",
      name: env.OIDC_DISPLAY_NAME,
      type: "oidc",
      issuer: env.OIDC_ISSUER,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      checks: ["pkce", "state", "nonce"],
      authorization: { params: { scope: "openid email profile" } },
    });
  }
  if (env.DEMO_MODE) {
    list.push(
      Credentials({
        id: "demo",
        name: "Demo",
        credentials: { userId: { type: "text" } },
        async authorize(input) {
          if (!appEnv().DEMO_MODE || typeof input?.userId !== "string") return null;
          const user = await findDemoUser((await realDatabase()).db, input.userId);
          return user ? { id: user.id, email: user.email, name: user.name } : null;
        },
      }),
    );
  }
  return list;
}

function config(): NextAuthConfig {
  return {
    trustHost: true,
    session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
    pages: { signIn: "/signin", error: "/signin" },
    providers: providers(),
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== "oidc") return true;
        if (!profile?.sub) return false;
        return (await findUserForOidc((await realDatabase()).db, { sub: profile.sub, email: profile.email })) !== null;
      },
      async jwt({ token, user, account, profile }) {
        if (account?.provider === "oidc" && profile?.sub) {
          const found = await findUserForOidc((await realDatabase()).db, { sub: profile.sub, email: profile.email });
          token.uid = found?.id;
        } else if (account && user?.id) {
          token.uid = user.id;
        }
        return token;
      },
      session({ session, token }) {
        session.uid = typeof token.uid === "string" ? token.uid : undefined;
        return session;
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => config());
