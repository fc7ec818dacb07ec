"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/lib/auth/auth";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locales";
import { appEnv } from "@/lib/env";
import { PLAYGROUND_COOKIE } from "@/lib/playground/playground-cookie";

export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = toLocale(String(formData.get("locale") ?? ""));
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
}

/** A playground belongs to one user: whoever signs in or out next on this browser starts outside it. */
async function forgetPlayground(): Promise<void> {
  (await cookies()).delete(PLAYGROUND_COOKIE);
}

export async function signOutAction(): Promise<void> {
  await forgetPlayground();
  await signOut({ redirectTo: "/signin" });
}

export async function demoSignInAction(formData: FormData): Promise<void> {
  if (!appEnv().DEMO_MODE) redirect("/signin");
  await forgetPlayground();
  await signIn("demo", { userId: String(formData.get("userId") ?? ""), redirectTo: "/" });
}

export async function oidcSignInAction(): Promise<void> {
  await forgetPlayground();
  await signIn("oidc", { redirectTo: "/" });
}
