import { Alert, Button, Card, Container, Group, Stack, Text, Title } from "@mantine/core";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentPrincipal } from "@/lib/auth/guards";
import { listDemoAccounts } from "@/lib/auth/principal-queries";
import { appEnv, oidcConfigured } from "@/lib/env";
import { demoDirectoryDb } from "@/lib/server/database";
import { demoSignInAction, oidcSignInAction } from "@/lib/server/session-actions";
import { LocaleSwitch } from "@/components/layout/locale-switch";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signin"))("title") };
}

/** An account's grants as "role: the entities it has them for" (none: every entity). */
function grantsByRole(grants: readonly { role: string; entityName: string | null }[]) {
  const byRole = new Map<string, string[]>();
  for (const grant of grants) {
    const names = byRole.get(grant.role) ?? [];
    if (grant.entityName) names.push(grant.entityName);
    byRole.set(grant.role, names);
  }
  return [...byRole].map(([role, entities]) => ({ role, entities }));
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  if (await currentPrincipal()) redirect("/");
  const env = appEnv();
  const t = await getTranslations("signin");
  const tRoles = await getTranslations("roles");
  const { error } = await searchParams;
  const demoAccounts = env.DEMO_MODE ? await listDemoAccounts(await demoDirectoryDb()) : [];
  const hasOidc = oidcConfigured(env);

  return (
    <Container size="sm" py="xl" component="main" id="main">
      <Stack gap="lg">
        <Group justify="space-between">
          <Title order={1}>{t("title")}</Title>
          <LocaleSwitch />
        </Group>
        {error && (
          <Alert color="red" role="alert" title={t("title")}>
            {error === "AccessDenied" ? t("errorAccessDenied") : t("errorGeneric")}
          </Alert>
        )}
        {hasOidc && (
          <Card withBorder padding="lg">
            <Stack>
              <Text>{t("intro")}</Text>
              <form action={oidcSignInAction}>
                <Button type="submit">{t("oidcButton", { provider: env.OIDC_DISPLAY_NAME })}</Button>
              </form>
            </Stack>
          </Card>
        )}
        {!hasOidc && demoAccounts.length === 0 && <Alert color="yellow">{t("noProvider")}</Alert>}
        {demoAccounts.length > 0 && (
          <Card withBorder padding="lg" component="section" aria-labelledby="demo-title">
            <Stack>
              <Title order={2} id="demo-title" size="h3">
                {t("demoTitle")}
              </Title>
              <Text c="dimmed">{t("demoIntro")}</Text>
              {demoAccounts.map((account) => (
                <form key={account.id} action={demoSignInAction}>
                  <input type="hidden" name="userId" value={account.id} />
                  <Button type="submit" variant="light" fullWidth justify="space-between" h="auto" py="xs"
                    rightSection={<Text size="sm" c="dimmed" component="span">{account.email}</Text>}>
                    <Stack gap={0} align="flex-start">
                      <Text fw={600} component="span">{t("demoButton", { name: account.name })}</Text>
                      {grantsByRole(account.grants).map(({ role, entities }) => (
                        <Text size="sm" component="span" key={role} ta="left" style={{ whiteSpace: "normal" }}>
                          {tRoles(role)}: {entities.length === 0 ? t("demoAllEntities") : entities.join(", ")}
                        </Text>
                      ))}
                    </Stack>
                  </Button>
                </form>
              ))}
            </Stack>
          </Card>
        )}
      </Stack>
    </Container>
  );
}
