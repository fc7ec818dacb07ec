import { Alert, List, ListItem, Text, Title } from "@mantine/core";
import { getTranslations } from "next-intl/server";
import { AnchorLink } from "@/components/ui/anchor-link";
import { groupRequiredActions, type RequiredAction } from "@/lib/domain/onboarding/action-required";
import classes from "./action-required-list.module.css";

/**
 * "Actie vereist": the onboarding steps that wait for the signed-in user, each a link to its page.
 * Entities waiting for the same step make one line, which opens on the list of them.
 */
export async function ActionRequiredList({ actions, actor }: { actions: RequiredAction[]; actor: "entity" | "central" }) {
  const t = await getTranslations("actionRequired");
  const tSteps = await getTranslations("steps");
  const link = (action: RequiredAction, text: string) => <AnchorLink href={`/entities/${action.entityId}/steps/${action.step}`}>{text}</AnchorLink>;
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
            {groupRequiredActions(actions).map(({ step, failed, actions: group }) => {
              const label = tSteps(String(step) as "1");
              if (group.length === 1) {
                const [action] = group as [RequiredAction];
                return <ListItem key={action.entityId}>{link(action, t(failed ? "itemFailed" : "item", { entity: action.entityName, step, label }))}</ListItem>;
              }
              return (
                <ListItem key={`${step}-${failed}`}>
                  <details className={classes.group}>
                    <summary>{t(failed ? "groupFailed" : "group", { count: group.length, step, label })}</summary>
                    <List spacing={2} mt={4} withPadding>
                      {group.map((action) => (
                        <ListItem key={action.entityId}>{link(action, action.entityName)}</ListItem>
                      ))}
                    </List>
                  </details>
                </ListItem>
              );
            })}
          </List>
        </Alert>
      )}
    </section>
  );
}
