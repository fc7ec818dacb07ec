import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ReferenceKindPage } from "@/components/reference/reference-kind-page";
import { requireUserForPage } from "@/lib/auth/guards";
import { entityScope, hasEntityPermission } from "@/lib/auth/permissions";
import { findEntityInScope } from "@/lib/domain/entities/queries";
import { isReferenceKindKey, REFERENCE_KINDS } from "@/lib/domain/reference/reference-kinds";
import { todayInBrussels } from "@/lib/dates";
import { db } from "@/lib/server/database";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata({ params }: { params: Promise<{ kind: string }> }): Promise<Metadata> {
  const { kind } = await params;
  return { title: isReferenceKindKey(kind) ? (await getTranslations("reference"))(`kind_${kind}` as "kind_grades") : undefined };
}

/** Reference data of one entity: its organisational units and cost centres. */
async function EntityReferencePageContent({ params }: { params: Promise<{ entityId: string; kind: string }> }) {
  const principal = await requireUserForPage();
  const { entityId, kind } = await params;
  if (!isReferenceKindKey(kind) || REFERENCE_KINDS[kind].scope !== "entity") notFound();
  const entity = await findEntityInScope(await db(), { entityId, scope: entityScope(principal, "reference.read") });
  if (!entity) notFound();
  return <ReferenceKindPage kindKey={kind} entity={entity} canWrite={hasEntityPermission(principal, "reference.write", entity.id)} />;
}

/** The page in the messages of the namespaces its client components use (lib/i18n/client-namespaces.ts). */
export default async function EntityReferencePage(props: Parameters<typeof EntityReferencePageContent>[0]) {
  return (
    <ClientMessages namespaces={["imports", "reference", "table"]}>
      <EntityReferencePageContent {...props} />
    </ClientMessages>
  );
}
