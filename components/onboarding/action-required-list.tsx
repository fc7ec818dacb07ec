import { Alert, List, ListItem, Text, Title } from "@mantine/core";
import { getTranslations } from "next-intl/server";
import { AnchorLink } from "@/components/ui/anchor-link";
import type { RequiredAction } from "@/lib/domain/onboarding/action-required";

/** "Actie vereist": the onboarding steps that wait for the signed-in user, each a link to its page. */
export async function ActionRequiredList({ actions, actor }: { actions: RequiredAction[]; actor: "entity" | "central" }) {
  const t = await getTranslations("actionRequired");
  const tSteps = await getTranslations("steps");
  return (
    <section aria-labelledby="action-required-title">
      <Title order={2} size="h3" id="action-required-title" mb="xs">
        {t("title")}
      </Title>
      {actions.length === 0 ? (
        <Text>{t(actor === "entity" ? "noneEntity" : "noneCentral")}</Text>
      ) : (
        <Alert color="orange" variant="light">
          <List spacing={4}>
            {actions.map((action) => (
              <ListItem key={action.entityId}>
                <AnchorLink href={`/entities/${action.entityId}/steps/${action.step}`}>
                  {t(action.state === "failed" ? "itemFailed" : "item", {
                    entity: action.entityName,
                    step: action.step,
                    label: tSteps(String(action.step) as "1"),
                  })}
                </AnchorLink>
              </ListItem>
            ))}
          </List>
        </Alert>
      )}
    </section>
  );
}
