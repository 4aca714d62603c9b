// Issue 15's matrix on German pages (the cases are in differences.ts).
import { differenceMatrix } from './differences.ts';

differenceMatrix('de');
