import type { CampaignResourceInfo, ResourceInfo } from './types';

/** The node's resources. The registry (versionDescription.ts) lists each one's operations. */

export const SMS_CAMPAIGN: CampaignResourceInfo = {
	value: 'smsCampaign',
	name: 'SMS Campaign',
	label: 'SMS',
	campaignType: 'sms',
	aCampaign: 'an SMS campaign',
};

export const VOICE_CAMPAIGN: CampaignResourceInfo = {
	value: 'voiceCampaign',
	name: 'Voice Campaign',
	label: 'Voice',
	campaignType: 'voice',
	aCampaign: 'a voice campaign',
};

/** Contact lists: the phone numbers campaigns call or text, referenced by list name. */
export const CONTACT_LIST: ResourceInfo = {
	value: 'contactList',
	name: 'Contact List',
	label: 'Contact List',
};

const CAMPAIGN_RESOURCES: readonly CampaignResourceInfo[] = [SMS_CAMPAIGN, VOICE_CAMPAIGN];

/** The campaign resource with this Resource value (the campaign picker reads the node's Resource). */
export function campaignResource(value: unknown): CampaignResourceInfo | undefined {
	return CAMPAIGN_RESOURCES.find((resource) => resource.value === value);
}
