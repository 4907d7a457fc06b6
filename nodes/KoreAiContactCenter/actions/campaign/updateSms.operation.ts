import {
	callerIdField,
	callingHoursFields,
	contactListsField,
	descriptionField,
	dncListField,
	experienceFlowField,
	formatField,
	messageTextField,
	nameField,
	priorityField,
	templateIdField,
	templateNameField,
} from './campaignFields';
import { updateOperation } from './updateCampaign';

/** Kore.ai "Update SMS Campaign (v2)": `PUT /campaign/{id}?accountId=..&campaignType=sms`; see updateCampaign.ts. */
export const updateSmsCampaign = updateOperation(
	[
		nameField,
		descriptionField,
		contactListsField,
		{
			...messageTextField,
			description: 'New SMS text as recipients read it, with Kore.ai placeholders like &lt;First Name&gt;; the node base64-encodes it',
		},
		{ ...templateNameField, description: 'Use this approved SMS template instead of the current message' },
		templateIdField,
		callerIdField,
		priorityField,
		...callingHoursFields,
		dncListField,
		experienceFlowField,
		formatField,
	],
	(resource) => `Change an ${resource.label} campaign: name, description, contact lists, message or template, caller ID, priority or calling hours. Only the fields given change.`,
);
