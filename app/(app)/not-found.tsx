import { Stack, Text, Title } from "@mantine/core";
import { AnchorLink } from "@/components/ui/anchor-link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <Stack>
      <Title order={1}>{t("notFoundTitle")}</Title>
      <Text>{t("notFoundText")}</Text>
      <AnchorLink href="/">{t("backHome")}</AnchorLink>
    </Stack>
  );
}
