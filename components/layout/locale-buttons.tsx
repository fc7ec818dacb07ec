"use client";

import { Button, Group } from "@mantine/core";

const LABELS: Record<string, { short: string; long: string }> = {
  "nl-BE": { short: "NL", long: "Nederlands" },
  en: { short: "EN", long: "English" },
};

export function LocaleButtons({ locales, current }: { locales: string[]; current: string }) {
  return (
    <Group gap={4}>
      {locales.map((locale) => (
        <Button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          size="compact-sm"
          variant={locale === current ? "filled" : "subtle"}
          aria-pressed={locale === current}
          aria-label={LABELS[locale]?.long ?? locale}
          lang={locale}
        >
          {LABELS[locale]?.short ?? locale}
        </Button>
      ))}
    </Group>
  );
}
