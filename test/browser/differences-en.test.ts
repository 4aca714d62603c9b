// Issue 15's matrix on English pages (the cases are in differences.ts).
import { differenceMatrix } from './differences.ts';

differenceMatrix('en');
