import {
	callerIdField,
	callingHoursFields,
	contactListsField,
	descriptionField,
	dialingOrderField,
	dncListField,
	experienceFlowField,
	machineDetectField,
	maxAttemptsField,
	nameField,
	priorityField,
	retryPeriodField,
	ringTimeField,
} from './campaignFields';
import { updateOperation } from './updateCampaign';

/**
 * Kore.ai "Update Voice Campaign (v2)": `PUT /campaign/{id}?accountId=..&campaignType=voice` (the
 * page disagrees with itself about `campaignType`; the choice and its reason are in
 * api/campaignPaths.ts). The page's body also has `queue_name` and `maxSkips`, which concern
 * campaigns with agents; this node creates agentless ones, so they are not offered. See updateCampaign.ts.
 */
export const updateVoiceCampaign = updateOperation(
	[
		nameField,
		descriptionField,
		contactListsField,
		dncListField,
		experienceFlowField,
		callerIdField,
		priorityField,
		machineDetectField,
		...callingHoursFields,
		dialingOrderField,
		maxAttemptsField,
		retryPeriodField,
		ringTimeField,
	],
	(resource) => `Change ${resource.aCampaign}: name, description, contact lists, DNC list, flow, caller ID, priority, calling hours or dialing settings. Only the fields given change.`,
);
