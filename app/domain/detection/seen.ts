/** Where detection learned of a change: the shop, and the source its incidents' timelines name
 *  (the webhook's event key: the same source twice is one signal). */
export type Seen = { shop: string; source: string };
