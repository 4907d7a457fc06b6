import { updateOperation } from './updateCampaign';

/**
 * Kore.ai "Update Voice Campaign by ID v2": `PUT /campaign/{id}?accountId=..&campaignType=voice` (the
 * page disagrees with itself about `campaignType`; the choice and its reason are in
 * api/campaignRequests.ts). See updateCampaign.ts.
 */
export const updateVoiceCampaign = updateOperation(
	'voice',
	(resource) =>
		`Change ${resource.aCampaign}: name, description, contact lists, DNC list, flow, caller ID, priority, calling hours or dialing settings. The rest stays as it is.`,
);
