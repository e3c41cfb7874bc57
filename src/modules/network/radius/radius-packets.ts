import radiusPackage, { type Attribute } from 'radius';
import { fileURLToPath } from 'node:url';
import type { RadiusAttribute } from './radius-lines.ts';

/**
 * The `radius` npm package with MikroTik's vendor attributes loaded. It reads its dictionaries
 * once, on first use; unloading after adding ours makes sure they are part of that read even if
 * something used the package before this module loaded.
 */
radiusPackage.add_dictionary(fileURLToPath(new URL('./dictionary.mikrotik', import.meta.url)));
radiusPackage.unload_dictionaries();

export const radius = radiusPackage;

/** CoA-Request / Disconnect-Request and their answers (RFC 5176). */
export const CoaCode = {
  coaRequest: 'CoA-Request',
  coaAck: 'CoA-ACK',
  coaNak: 'CoA-NAK',
  disconnectRequest: 'Disconnect-Request',
  disconnectAck: 'Disconnect-ACK',
  disconnectNak: 'Disconnect-NAK',
} as const;

/** A reply attribute as a packet attribute: MikroTik's own travel inside Vendor-Specific. */
export const packetAttribute = (a: RadiusAttribute): Attribute =>
  a.attribute.startsWith('Mikrotik-') ? ['Vendor-Specific', 'Mikrotik', [[a.attribute, a.value]]] : [a.attribute, a.value];
