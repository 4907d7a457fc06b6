import { CALLING_HOURS_SETTINGS } from './callingHours';
import { IDENTITY_SETTINGS } from './identity';
import { MESSAGE_SETTINGS } from './message';
import type { CampaignSetting } from './setting';
import { VOICE_SETTINGS } from './voice';

export type { CampaignSetting, SettingKind } from './setting';

/**
 * Every campaign setting, in the order Create shows them: Create's fields, Update's "Update Fields",
 * the checks (campaignValues.ts) and the bodies (campaignBody.ts) all come from this list.
 */
export const SETTINGS: CampaignSetting[] = [
	...IDENTITY_SETTINGS.slice(0, 3), // name, description, contact lists
	...MESSAGE_SETTINGS.slice(0, 3), // message source, template name, text
	...IDENTITY_SETTINGS.slice(3), // DNC list, flow, caller ID, priority
	...VOICE_SETTINGS.slice(0, 1), // answering machine detection
	...CALLING_HOURS_SETTINGS,
	...MESSAGE_SETTINGS.slice(3), // format, template ID
	...VOICE_SETTINGS.slice(1), // dialing strategy, queue, skips
];

/** The SMS text settings: Kore.ai keeps them as one object, `message`. */
export const MESSAGE = ['messageSource', 'messageText', 'templateName', 'templateId'];

export function settingNamed(name: string): CampaignSetting {
	const found = SETTINGS.find((setting) => setting.field.name === name);
	if (!found) throw new Error(`No campaign setting named ${name}`);
	return found;
}
