import { updateOperation } from './updateCampaign';

/** Kore.ai "Update SMS Campaign API v2": `PUT /campaign/{id}?accountId=..&campaignType=sms`; see updateCampaign.ts. */
export const updateSmsCampaign = updateOperation(
	'sms',
	(resource) =>
		`Change an ${resource.label} campaign: name, description, contact lists, message or template, caller ID, priority or calling hours. The rest stays as it is.`,
);
