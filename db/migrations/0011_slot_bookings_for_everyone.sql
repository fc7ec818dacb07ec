-- How many entities booked a slot is a figure every entity needs (a full slot cannot be taken),
-- while under row-level security an entity's HR sees only its own onboarding. This function counts
-- over all entities as its owner and gives nothing else away: no entity, only the number.
CREATE FUNCTION apb_slot_bookings(slot uuid, except_entity uuid DEFAULT NULL) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT count(*)::int FROM onboardings WHERE slot_id = slot AND (except_entity IS NULL OR entity_id <> except_entity)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION apb_slot_bookings(uuid, uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION apb_slot_bookings(uuid, uuid) TO apb_app, apb_app_all;
