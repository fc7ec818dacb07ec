import { getTranslations } from "next-intl/server";

/**
 * The page for a URL no route matches (within the application, (app)/not-found.tsx answers, in its
 * frame). Plain HTML on purpose: Next.js puts the root not-found into the RSC payload of every page,
 * so whatever it uses — Mantine's components, a provider with all messages — every page carries
 * and loads. A few inline styles stand in for the theme.
 */
export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <main id="main" style={{ fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif", maxWidth: 720, margin: "0 auto", padding: "32px 16px", lineHeight: 1.55 }}>
      <h1 style={{ fontSize: 34, margin: "0 0 16px" }}>{t("notFoundTitle")}</h1>
      <p>{t("notFoundText")}</p>
      <a href="/" style={{ color: "#4c6ef5" }}>
        {t("backHome")}
      </a>
    </main>
  );
}
