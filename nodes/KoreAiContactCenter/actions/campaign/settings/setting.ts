import type { INodeProperties } from 'n8n-workflow';

import type { CampaignType } from '../../../api/campaign';

/**
 * One setting of a campaign, written once: its field in the editor (with its default and range),
 * its kind (which reader checks it, campaignValues.ts), Kore.ai's length limit, where Kore.ai keeps
 * it (`path`, the same in the create and update bodies and in Get's campaign), and which operations
 * offer it. Create's fields, Update's "Update Fields", the checks and the bodies (campaignBody.ts)
 * are all derived from the list of settings (index.ts), so adding a voice setting is one entry
 * (and its name in index.ts' ORDER, which says where Create shows it).
 *
 * Kore.ai's pages: create-sms-campaign-*-v2.mdx, create-voice-campaign-*-v2.mdx,
 * update-sms-campaign-v2.mdx, update-voice-campaign-v2.mdx (sandbox/contract/bodies.js has them field by field).
 */

export type SettingKind =
	'text' | 'names' | 'integer' | 'choice' | 'days' | 'time' | 'timezone' | 'phone' | 'smsText';

export interface CampaignSetting {
	field: INodeProperties;
	kind: SettingKind;
	/** How error sentences name it, when not its display name. */
	label?: string;
	/** Kore.ai's limit on the text's length, in characters (for `names`: on each name), as its pages state it; absent where they state none. */
	maxLength?: number;
	/** Where Kore.ai keeps the value; absent for the parts of `callingHours.days` and of `message`. */
	path?: string[];
	/** Create: shown as a field, or under Additional Fields; absent: not offered for that type. */
	create: Partial<Record<CampaignType, 'main' | 'additional'>>;
	/** Types whose Create requires it (n8n marks the field required). */
	required?: CampaignType[];
	/** Types whose Update offers it under Update Fields. */
	update: CampaignType[];
	/** Types whose update body requires it (the update pages): a campaign read without it needs it given. */
	updateRequired?: CampaignType[];
	/**
	 * The value as Kore.ai's body holds it (priority is text there). Applied to the user's value and
	 * to Get's (campaignBody.ts sends the campaign back), so it must leave a value already in body form as it is.
	 */
	toBody?: (value: unknown) => unknown;
	/** What to do when it is empty but required. */
	emptyHint?: string;
}

export const BOTH: CampaignType[] = ['sms', 'voice'];
export const SMS: CampaignType[] = ['sms'];
export const VOICE: CampaignType[] = ['voice'];

export const text = (
	field: Omit<INodeProperties, 'type' | 'default'>,
	rest: Omit<CampaignSetting, 'field' | 'kind'>,
): CampaignSetting => ({
	field: { type: 'string', default: '', ...field } as INodeProperties,
	kind: 'text',
	...rest,
});

/** A whole-number field; `max` undefined when Kore.ai's pages give no upper limit (none is invented). */
export const whole = (
	name: string,
	displayName: string,
	min: number,
	max: number | undefined,
	fallback: number,
	description: string,
) =>
	({
		displayName,
		name,
		type: 'number',
		default: fallback,
		typeOptions:
			max === undefined
				? { minValue: min, numberPrecision: 0 }
				: { minValue: min, maxValue: max, numberPrecision: 0 },
		description,
	}) as INodeProperties;
