import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * botframework-connector 4.23 serializes an outgoing activity's entities with its `Entity`
 * model mapper, which knows only type, text and mentioned: the AI-generated mark and the
 * citations of a grounded answer (schema.org Message entity) would be dropped on the way
 * to Teams. The Activity mapper declares additional properties for entities, but the
 * serializer reads them from the referenced Entity mapper; declaring them there too keeps
 * them. Idempotent; called when the Teams channel is created.
 */
export function keepEntityProperties(): void {
  const mappers = require("botframework-connector/lib/connectorApi/models/mappers") as { Entity: { type: { additionalProperties?: unknown } } };
  mappers.Entity.type.additionalProperties ??= { type: { name: "Object" } };
}
