import type { TranslationKey } from '../../i18n.tsx';
import type { LegendLetter } from './queries.ts';

/**
 * The map's legend: one colour per state, the same on every marker, cluster and list. The
 * server sends one letter per element (see the maps module's map-data.ts); the order is the
 * priority a cluster shows (its worst member).
 */
export const legend: { letter: LegendLetter; key: 'normal' | 'under_outage' | 'affected' | 'isolated' | 'offline'; label: TranslationKey; color: string }[] = [
  { letter: 'u', key: 'under_outage', label: 'maps.state.under_outage', color: '#e03131' },
  { letter: 'a', key: 'affected', label: 'maps.state.affected', color: '#f08c00' },
  { letter: 'i', key: 'isolated', label: 'maps.state.isolated', color: '#7048e8' },
  { letter: 'o', key: 'offline', label: 'maps.state.offline', color: '#495057' },
  { letter: 'n', key: 'normal', label: 'maps.state.normal', color: '#2f9e44' },
];

export const colorOf: Record<LegendLetter, string> = Object.fromEntries(legend.map((l) => [l.letter, l.color])) as Record<LegendLetter, string>;
export const priorityOf: Record<LegendLetter, number> = Object.fromEntries(legend.map((l, i) => [l.letter, i])) as Record<LegendLetter, number>;
