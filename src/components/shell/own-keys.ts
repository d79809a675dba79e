/** How a region of the page keeps keys from the lab's shortcuts (a module of its own: the
 * regions are drawn first, the shortcuts' key map loads after). */

/**
 * The attribute by which a region of the page claims keys for itself (the drive panel's arrows
 * move the agent, the map editor's arrows move between cells). Its value lists key groups,
 * separated by spaces: `arrows`, `enter`, `space`.
 */
export const OWN_KEYS_ATTRIBUTE = 'data-own-keys';
