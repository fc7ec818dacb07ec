import { Anchor, Stack, Text, Title } from "@mantine/core";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <Stack>
      <Title order={1}>{t("notFoundTitle")}</Title>
      <Text>{t("notFoundText")}</Text>
      <Anchor component={Link} href="/">{t("backHome")}</Anchor>
    </Stack>
  );
}
