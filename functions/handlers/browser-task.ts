// Lambda entry of the browser function: the only bundle that carries puppeteer-core and Chromium.
import { applyInBrowser } from '../app/browser-channel.ts';
import { workflowTask } from './task.ts';

export const ApplyInBrowser = workflowTask(applyInBrowser);
