import { getLocale, getTranslations } from "next-intl/server";
import { LOCALES } from "@/lib/i18n/locales";
import { setLocaleAction } from "@/lib/server/session-actions";
import { LocaleButtons } from "./locale-buttons";

/** NL | EN switch; a plain form, so it works without JavaScript and by keyboard. */
export async function LocaleSwitch() {
  const locale = await getLocale();
  const t = await getTranslations("app");
  return (
    <form action={setLocaleAction} aria-label={t("language")}>
      <LocaleButtons locales={[...LOCALES]} current={locale} />
    </form>
  );
}
