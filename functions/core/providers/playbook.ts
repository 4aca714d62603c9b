// A playbook is declarative steps run by one generic browser engine (functions/browser/).
// Controls are named the way a person finds them: accessible role + name, or visible text.
import { z } from 'zod';

const RoleControl = z.object({
  role: z.enum(['switch', 'checkbox', 'button', 'link', 'textbox', 'radio', 'combobox', 'menuitem']),
  /** Accessible name, exactly as the provider's help page words it. */
  name: z.string().min(1),
});
/** An element found by its visible text (for controls without a usable accessible role). */
const TextControl = z.object({ text: z.string().min(1) });
const Control = z.union([RoleControl, TextControl]);
export type PlaybookControl = z.infer<typeof Control>;

const Timeout = z.number().int().positive().optional();

export const PlaybookStepSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('goto'), url: z.string().url() }),
  /** Clicks the first of these buttons that shows up within timeoutMs; no banner is not an error. */
  z.object({ action: z.literal('dismissCookies'), buttons: z.array(z.string().min(1)).min(1), timeoutMs: Timeout }),
  z.object({ action: z.literal('waitForText'), text: z.string().min(1), timeoutMs: Timeout }),
  z.object({ action: z.literal('waitForControl'), control: Control, timeoutMs: Timeout }),
  z.object({ action: z.literal('readToggle'), control: Control, saveAs: z.string().min(1) }),
  z.object({
    action: z.literal('setToggle'),
    control: Control,
    want: z.boolean(),
    /** Button of the confirmation dialog some sites show when switching; clicked if the dialog appears. */
    confirm: z.string().min(1).optional(),
    saveAs: z.string().min(1).optional(),
    timeoutMs: Timeout,
  }),
  /** Reads the toggle and fails unless it is in the wanted state (use after a reload to check it was saved). */
  z.object({ action: z.literal('expectToggle'), control: Control, want: z.boolean(), saveAs: z.string().min(1).optional() }),
  z.object({ action: z.literal('click'), control: Control, timeoutMs: Timeout }),
  z.object({ action: z.literal('confirmDialog'), button: z.string().min(1), timeoutMs: Timeout }),
  z.object({
    action: z.literal('fill'),
    control: Control,
    /** May reference {{identifier}}, {{name}}, {{email}}, {{reference}}, {{letterText}}. */
    value: z.string(),
    /** Skip the field when a referenced value is absent or empty (optional form fields). */
    optional: z.boolean().optional(),
  }),
  z.object({ action: z.literal('reload') }),
  z.object({ action: z.literal('expectText'), text: z.string().min(1), timeoutMs: Timeout }),
  z.object({ action: z.literal('screenshot'), label: z.string().min(1) }),
]);
export type PlaybookStep = z.infer<typeof PlaybookStepSchema>;

export const PlaybookSchema = z.object({
  /** What the playbook achieves, for the status page. */
  description: z.string().min(1),
  /** The page a person opens to do it by hand (deep link for needs_user_action). */
  deepLink: z.string().url(),
  requiresSession: z.boolean(),
  /** How far this playbook was checked: fixture-only means it ran against our fixture site, never the live page. */
  quality: z.enum(['live-tested', 'fixture-only', 'draft']),
  /** Signs that the session is not logged in, or a CAPTCHA/2FA wall stops automation. */
  walls: z
    .object({
      login: z.array(z.string()).default([]),
      captcha: z.array(z.string()).default([]),
      twoFactor: z.array(z.string()).default([]),
    })
    .default({ login: [], captcha: [], twoFactor: [] }),
  steps: z.array(PlaybookStepSchema).min(1),
});
export type Playbook = z.infer<typeof PlaybookSchema>;
