import { FrameButton, localeButtonsClass } from "./frame-button";

const LABELS: Record<string, { short: string; long: string }> = {
  "nl-BE": { short: "NL", long: "Nederlands" },
  en: { short: "EN", long: "English" },
};

export function LocaleButtons({ locales, current }: { locales: string[]; current: string }) {
  return (
    <div className={localeButtonsClass}>
      {locales.map((locale) => (
        <FrameButton
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
        </FrameButton>
      ))}
    </div>
  );
}
