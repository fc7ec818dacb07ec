import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ReferenceKindPage } from "@/components/reference/reference-kind-page";
import { requireUserForPage } from "@/lib/auth/guards";
import { hasPermission } from "@/lib/auth/permissions";
import { isReferenceKindKey, REFERENCE_KINDS } from "@/lib/domain/reference/reference-kinds";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata({ params }: { params: Promise<{ kind: string }> }): Promise<Metadata> {
  const { kind } = await params;
  return { title: isReferenceKindKey(kind) ? (await getTranslations("reference"))(`kind_${kind}` as "kind_grades") : undefined };
}

/** Reference data shared by all entities: grades, function profiles, duty locations. */
async function SharedReferencePageContent({ params }: { params: Promise<{ kind: string }> }) {
  const principal = await requireUserForPage();
  const { kind } = await params;
  if (!isReferenceKindKey(kind) || REFERENCE_KINDS[kind].scope !== "global" || !hasPermission(principal, "reference.read")) notFound();
  return <ReferenceKindPage kindKey={kind} entity={null} canWrite={hasPermission(principal, "reference.write")} />;
}

/** The page in the messages of the namespaces its client components use (lib/i18n/client-namespaces.ts). */
export default async function SharedReferencePage(props: Parameters<typeof SharedReferencePageContent>[0]) {
  return (
    <ClientMessages namespaces={["imports", "reference", "table"]}>
      <SharedReferencePageContent {...props} />
    </ClientMessages>
  );
}
