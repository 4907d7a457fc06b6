import { CALLING_HOURS_SETTINGS } from './callingHours';
import { IDENTITY_SETTINGS } from './identity';
import { MESSAGE_SETTINGS } from './message';
import type { CampaignSetting } from './setting';
import { VOICE_SETTINGS } from './voice';

export type { CampaignSetting, SettingKind } from './setting';

/** The order Create shows the settings in (Update Fields sorts them by name). */
const ORDER = [
	'name',
	'description',
	'contactLists',
	'messageSource',
	'templateName',
	'messageText',
	'dncList',
	'experienceFlowName',
	'callerId',
	'priority',
	'enableMachineDetect',
	'callingDays',
	'callingStart',
	'callingEnd',
	'callingTimezone',
	'callingFrequency',
	'format',
	'templateId',
	'dialingOrder',
	'maxAttemptsPerRecord',
	'defaultRetryPeriod',
	'maxRingTime',
	'queueName',
	'maxSkips',
];

const ALL = [
	...IDENTITY_SETTINGS,
	...MESSAGE_SETTINGS,
	...CALLING_HOURS_SETTINGS,
	...VOICE_SETTINGS,
];
// Each setting once in ORDER, and nothing else: a name missing or repeated would drop a setting.
const sortedNames = (names: string[]) => [...names].sort().join();
if (sortedNames(ALL.map((setting) => setting.field.name)) !== sortedNames(ORDER))
	throw new Error('Every campaign setting needs its place in ORDER, once (settings/index.ts)');

/**
 * Every campaign setting, in the order Create shows them: Create's fields, Update's "Update Fields",
 * the checks (campaignValues.ts) and the bodies (campaignBody.ts) all come from this list.
 */
export const SETTINGS: CampaignSetting[] = ORDER.map((name) => {
	const setting = ALL.find((candidate) => candidate.field.name === name);
	if (!setting) throw new Error(`No campaign setting named ${name}`);
	return setting;
});

/** The SMS text settings: Kore.ai keeps them as one object, `message`. */
export const MESSAGE = ['messageSource', 'messageText', 'templateName', 'templateId'];

export function settingNamed(name: string): CampaignSetting {
	const found = SETTINGS.find((setting) => setting.field.name === name);
	if (!found) throw new Error(`No campaign setting named ${name}`);
	return found;
}
