import { Button } from "@mantine/core";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AppFrame } from "@/components/layout/app-frame";
import { LocaleSwitch } from "@/components/layout/locale-switch";
import { requireUserForPage } from "@/lib/auth/guards";
import { hasPermission, primaryRole } from "@/lib/auth/permissions";
import { appEnv } from "@/lib/env";
import { signOutAction } from "@/lib/server/session-actions";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const principal = await requireUserForPage();
  const t = await getTranslations();
  const role = primaryRole(principal);
  const nav = [{ href: "/", label: t("nav.home") }];
  if (hasPermission(principal, "reference.read")) nav.push({ href: "/reference", label: t("nav.reference") });
  if (hasPermission(principal, "onboarding.read")) nav.push({ href: "/progress", label: t("nav.progress") });
  if (hasPermission(principal, "reports.read")) nav.push({ href: "/reports", label: t("nav.reports") });
  if (hasPermission(principal, "jobs.read")) nav.push({ href: "/jobs", label: t("nav.jobs") });
  return (
    <AppFrame
      appTitle={t("app.title")}
      skipLabel={t("app.skipToContent")}
      navLabel={t("app.mainNavigation")}
      nav={nav}
      userLine={principal.name}
      roleLine={role ? t(`roles.${role}`) : "—"}
      banner={appEnv().DEMO_MODE ? t("app.demoBanner") : undefined}
      controls={
        <>
          <LocaleSwitch />
          <form action={signOutAction}>
            <Button type="submit" variant="default" size="compact-sm">
              {t("app.signOut")}
            </Button>
          </form>
        </>
      }
    >
      {children}
    </AppFrame>
  );
}
