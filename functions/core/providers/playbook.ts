// A playbook is declarative steps run by one generic browser engine (functions/browser/).
// Controls are named the way a person finds them: accessible role + name, or visible text. A settings
// playbook names its setting once, by meaning (labels per language, what "on" means), and the engine
// finds it as switch, checkbox or toggle button wherever the page puts it.
import { z } from 'zod';
import { LanguageSchema } from '../model.ts';

/** Words per language, as the provider's page shows them: { "en": ["Privacy and data"], "de": [...] }. */
const Labels = z
  .partialRecord(LanguageSchema, z.array(z.string().min(1)).min(1))
  .refine((labels) => Object.keys(labels).length > 0, { message: 'needs the words in at least one language' });
export type PlaybookLabels = z.infer<typeof Labels>;

export const SettingSchema = z.object({
  /** The control's accessible name in each language the provider shows it in. */
  labels: Labels,
  /** "training": the control on lets the provider train on the data; "protection": on means it may not. */
  onMeans: z.enum(['training', 'protection']),
  /** The same setting worded the other way round ("Don't use my data..."), where on means the opposite. */
  inverse: Labels.optional(),
  /** Menu labels a person clicks from the deep link to reach the setting, outermost first. */
  path: z.array(Labels).default([]),
  /** The button of the provider's own confirmation dialog (generic words are tried too). */
  confirm: Labels.optional(),
});
export type PlaybookSetting = z.infer<typeof SettingSchema>;

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
  /**
   * Waits up to timeoutMs for a cookie banner and refuses everything optional; `buttons` are extra
   * refusing names to try first (a name that gives consent is never clicked). No banner is not an error.
   */
  z.object({ action: z.literal('dismissCookies'), buttons: z.array(z.string().min(1)).default([]), timeoutMs: Timeout }),
  z.object({ action: z.literal('waitForText'), text: z.string().min(1), timeoutMs: Timeout }),
  z.object({ action: z.literal('waitForControl'), control: Control, timeoutMs: Timeout }),
  /** Finds the playbook's setting, passing notices and cookie banners and following `setting.path`. */
  z.object({ action: z.literal('findSetting'), timeoutMs: Timeout }),
  /** Reads the setting; saveAs records whether training is allowed (true) or not (false). */
  z.object({ action: z.literal('readSetting'), saveAs: z.string().min(1) }),
  /** Switches training off (confirming the provider's dialog) and waits until the page saved it. */
  z.object({ action: z.literal('switchOff'), saveAs: z.string().min(1).optional(), timeoutMs: Timeout }),
  /** After a reload: reads the setting again and fails unless training is off. The only proof of "off". */
  z.object({ action: z.literal('readBack'), saveAs: z.string().min(1).optional() }),
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

export const PlaybookSchema = z
  .object({
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
    /** The setting a settings playbook switches off (needed by findSetting, readSetting, switchOff, readBack). */
    setting: SettingSchema.optional(),
    steps: z.array(PlaybookStepSchema).min(1),
  })
  .superRefine((playbook, ctx) => {
    const actions = playbook.steps.map((s) => s.action);
    const usesSetting = actions.some((a) => a === 'findSetting' || a === 'readSetting' || a === 'switchOff' || a === 'readBack');
    if (usesSetting && !playbook.setting) ctx.addIssue({ code: 'custom', path: ['setting'], message: 'the steps use the setting, but none is named' });
    const switchAt = actions.lastIndexOf('switchOff');
    if (switchAt >= 0) {
      // "Off" is only what a read-back after a reload shows: the playbook must end its switch that way.
      const rest = actions.slice(switchAt + 1);
      const reload = rest.indexOf('reload');
      if (reload < 0 || !rest.slice(reload + 1).includes('readBack')) {
        ctx.addIssue({ code: 'custom', path: ['steps'], message: 'a switchOff must be followed by a reload and then a readBack' });
      }
    }
  });
export type Playbook = z.infer<typeof PlaybookSchema>;
