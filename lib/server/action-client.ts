import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { createSafeActionClient } from "next-safe-action";
import { z } from "zod";
import { assertEntityAccess, checkEntityAccess, requirePermission } from "@/lib/auth/guards";
import { PERMISSIONS, type Permission, type Principal } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors/app-error";
import { registerAction } from "./action-registry";
import { refuseWritesFromLostPlayground } from "./database";

const metadataSchema = z.object({
  name: z.string(),
  permission: z.enum(Object.keys(PERMISSIONS) as [Permission, ...Permission[]]),
});
export type ActionMetadata = z.infer<typeof metadataSchema>;

export interface ActionServerError {
  code: string;
  message: string;
}

/**
 * Every server action goes through this client: validate (strict zod) -> authorise -> run.
 * Expected errors (AppError) reach the user as they are; anything else is logged and replaced
 * by a generic message, so no stack or SQL leaks to the browser.
 */
export const actionClient = createSafeActionClient({
  defineMetadataSchema: () => metadataSchema,
  defaultValidationErrorsShape: "flattened",
  handleServerError(error): ActionServerError {
    if (error instanceof AppError) return { code: error.code, message: error.message };
    console.error("[action] unexpected error", error);
    return { code: "internal", message: "Er ging iets mis. Probeer opnieuw of meld het probleem." };
  },
}).use(async ({ next, metadata }) => {
  registerAction(metadata);
  const principal = await requirePermission(metadata.permission);
  // The playground's own actions (enter, leave, remove, ...) are how a user gets out of a lost one.
  if (!metadata.name.startsWith("playground.")) await refuseWritesFromLostPlayground();
  const requestId = (await headers()).get("x-request-id") ?? randomUUID();
  return next({ ctx: { principal, requestId } });
});

export interface ActionContext {
  principal: Principal;
  requestId: string;
}

/**
 * An action on one entity's data: its input carries `entityId`. Access to that entity is checked
 * before the input is validated (whatever else the input holds, a foreign or malformed entity
 * answers "not found", and the refusal is audited) and once more on the validated input.
 */
export function entityAction<S extends z.ZodObject<{ entityId: z.ZodUUID }>, R>(
  metadata: ActionMetadata,
  schema: S,
  run: (input: z.output<S>, ctx: ActionContext) => Promise<R>,
) {
  registerAction({ ...metadata, entityScoped: true });
  return actionClient
    .metadata(metadata)
    .use(async ({ clientInput, ctx, next }) => {
      const entityId = (clientInput as { entityId?: unknown } | null | undefined)?.entityId;
      await checkEntityAccess(ctx.principal, metadata.permission, typeof entityId === "string" ? entityId : "");
      return next();
    })
    .inputSchema(schema)
    .action(async ({ parsedInput, ctx }) => {
      const input = parsedInput as z.output<S>;
      assertEntityAccess(ctx.principal, metadata.permission, input.entityId);
      return run(input, ctx);
    });
}
