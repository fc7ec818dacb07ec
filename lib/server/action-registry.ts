import type { Permission } from "@/lib/auth/permissions";

export interface RegisteredAction {
  name: string;
  permission: Permission;
  entityScoped?: boolean;
}

const registry = new Map<string, RegisteredAction>();

/** Every action announces itself, so tests can check that each one is covered by the permission matrix. */
export function registerAction(action: RegisteredAction): void {
  const known = registry.get(action.name);
  registry.set(action.name, { ...known, ...action });
}

export function registeredActions(): RegisteredAction[] {
  return [...registry.values()];
}
