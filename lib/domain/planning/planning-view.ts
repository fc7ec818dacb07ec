import type { EntityScope } from "@/lib/domain/entities/queries";
import type { SlotWithBookings } from "./planning-store";

/** The slots as a user may see them: places for everyone, the names of other entities only within their scope. */
export function slotsForScope(slots: SlotWithBookings[], scope: EntityScope): SlotWithBookings[] {
  if (scope === "all") return slots;
  return slots.map((slot) => ({ ...slot, entities: slot.entities.filter((e) => scope.includes(e.id)) }));
}
