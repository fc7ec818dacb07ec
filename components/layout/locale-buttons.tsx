import { CompactButton } from "@/components/ui/compact-button";
import classes from "./app-frame.module.css";

const LABELS: Record<string, { short: string; long: string }> = {
  "nl-BE": { short: "NL", long: "Nederlands" },
  en: { short: "EN", long: "English" },
};

export function LocaleButtons({ locales, current }: { locales: string[]; current: string }) {
  return (
    <div className={classes.localeButtons}>
      {locales.map((locale) => (
        <CompactButton
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          variant={locale === current ? "filled" : "subtle"}
          aria-pressed={locale === current}
          aria-label={LABELS[locale]?.long ?? locale}
          lang={locale}
        >
          {LABELS[locale]?.short ?? locale}
        </CompactButton>
      ))}
    </div>
  );
}
