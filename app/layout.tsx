import { mantineHtmlProps } from "@mantine/core";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return {
    title: { default: t("title"), template: `%s · ${t("title")}` },
    icons: { icon: [{ url: "/favicon.ico", sizes: "48x48" }, { url: "/icon.svg", type: "image/svg+xml" }] },
  };
}

/**
 * The document only. The application's styles and providers come from UiShell in the layouts of
 * its screens ((app), signin); mantineHtmlProps are two plain attributes of <html>,
 * which only the root layout can set.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale} {...mantineHtmlProps}>
      <body>{children}</body>
    </html>
  );
}
