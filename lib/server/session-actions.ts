"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/lib/auth/auth";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locales";
import { appEnv } from "@/lib/env";
import { setPlaygroundCookie } from "@/lib/playground/playground-cookie";

export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = toLocale(String(formData.get("locale") ?? ""));
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
}

// Signing in or out leaves any playground: a playground is one user's, whoever signs in next starts outside it.
export async function signOutAction(): Promise<void> {
  await setPlaygroundCookie(null);
  await signOut({ redirectTo: "/signin" });
}

export async function demoSignInAction(formData: FormData): Promise<void> {
  if (!appEnv().DEMO_MODE) redirect("/signin");
  await setPlaygroundCookie(null);
  await signIn("demo", { userId: String(formData.get("userId") ?? ""), redirectTo: "/" });
}

export async function oidcSignInAction(): Promise<void> {
  await setPlaygroundCookie(null);
  await signIn("oidc", { redirectTo: "/" });
}
