import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AppFrame } from "@/components/layout/app-frame";
import { CompactButton } from "@/components/ui/compact-button";
import { LocaleSwitch } from "@/components/layout/locale-switch";
import { requireUserForPage } from "@/lib/auth/guards";
import { hasPermission, primaryRole } from "@/lib/auth/permissions";
import { appEnv } from "@/lib/env";
import { signOutAction } from "@/lib/server/session-actions";
import { LeavePlaygroundButton, PlaygroundBannerControls } from "@/components/playground/playground-controls";
import { PlaygroundTabSync } from "@/components/playground/playground-tab-sync";
import { activePlayground, lostPlayground } from "@/lib/server/database";
import { UiShell } from "../_components/ui-shell";

export const dynamic = "force-dynamic";

/** In a playground every page title says so, also in the browser's tabs and history. */
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  const playground = await activePlayground();
  const app = t("app.title");
  return playground
    ? { title: { default: `${t("playground.titlePrefix")} ${app}`, template: `${t("playground.titlePrefix")} %s · ${app}` } }
    : { title: { default: app, template: `%s · ${app}` } };
}

export default async function AppLayout({ children }: { children: ReactNode }) {
  const principal = await requireUserForPage();
  const t = await getTranslations();
  const [playground, lost] = await Promise.all([activePlayground(), lostPlayground()]);
  const role = primaryRole(principal);
  const nav = [{ href: "/", label: t("nav.home") }];
  if (hasPermission(principal, "reference.read")) nav.push({ href: "/reference", label: t("nav.reference") });
  if (hasPermission(principal, "onboarding.read")) nav.push({ href: "/progress", label: t("nav.progress") });
  if (hasPermission(principal, "planning.read")) nav.push({ href: "/planning", label: t("nav.planning") });
  if (hasPermission(principal, "reports.read")) nav.push({ href: "/reports", label: t("nav.reports") });
  if (hasPermission(principal, "jobs.read")) nav.push({ href: "/jobs", label: t("nav.jobs") });
  if (hasPermission(principal, "playground.use")) nav.push({ href: "/playground", label: t("nav.playground") });
  return (
    <UiShell>
      <AppFrame
        appTitle={t("app.title")}
        skipLabel={t("app.skipToContent")}
        navLabel={t("app.mainNavigation")}
        nav={nav}
        userLine={principal.name}
        roleLine={role ? t(`roles.${role}`) : "—"}
        banner={appEnv().DEMO_MODE ? t("app.demoBanner") : undefined}
        playground={
          playground
            ? {
                text: t("playground.banner", { source: playground.sourceLabel }),
                controls: (
                  <PlaygroundBannerControls
                    playgroundId={playground.id}
                    labels={{
                      reset: t("playground.bannerReset"),
                      resetConfirm: t("playground.resetConfirm"),
                      resetDone: t("playground.resetDone"),
                      leave: t("playground.bannerLeave"),
                      cancel: t("planning.cancel"),
                    }}
                  />
                ),
              }
            : lost
              ? { text: t("playground.lostBanner"), controls: <LeavePlaygroundButton label={t("playground.lostLeave")} /> }
              : undefined
        }
        controls={
          <>
            <LocaleSwitch />
            <form action={signOutAction}>
              <CompactButton type="submit">{t("app.signOut")}</CompactButton>
            </form>
          </>
        }
      >
        <PlaygroundTabSync playgroundId={playground?.id ?? null} />
        {children}
      </AppFrame>
    </UiShell>
  );
}
