/** The tours shipped with Essaim (assets/tours/*.json), validated when the app loads them. */
import essay from '../../../assets/tours/essay.json' with { type: 'json' };
import { parseTour, type Tour } from './schema.ts';

export const ESSAY_TOUR: Tour = parseTour(essay, 'assets/tours/essay.json');
